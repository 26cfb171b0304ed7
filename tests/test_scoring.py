import pytest

from resumefit import check_text, load_taxonomy

BASE = "Jane Doe\njane@example.com\n\n"


def verdict(text, rid, taxonomy=None):
    return check_text(BASE + text, taxonomy=taxonomy).by_id(rid)


def test_concrete_experience_line_covers(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    result = verdict("EXPERIENCE\n- Interviewed 40 merchants about payout delays\n", "interviews", tax)
    assert result.status == "covered"
    assert result.evidence[0].text == "Interviewed 40 merchants about payout delays"
    assert result.evidence[0].section == "experience"
    assert result.evidence[0].quantified


def test_skills_list_mention_is_at_most_partial(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    result = verdict("SKILLS\nSQL, dashboards, user research, Jira\n", "dashboards", tax)
    assert result.status == "partial"
    assert verdict("SKILLS\nSQL, dashboards, user research, Jira\n", "interviews", tax).status == "partial"


def test_summary_claim_is_at_most_partial(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    result = verdict("SUMMARY\nI love user research and talking to customers every week.\n", "interviews", tax)
    assert result.status == "partial"


def test_weak_opener_is_a_mention_not_an_achievement(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    assert verdict("EXPERIENCE\n- Helped with customer interviews for the app\n", "interviews", tax).status == "partial"


def test_excluded_phrase_never_counts(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    assert verdict("EXPERIENCE\n- Ran patient interviews on the ward every shift\n", "interviews", tax).status == "missing"


def test_nothing_relevant_is_missing_with_suggestions(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    result = verdict("EXPERIENCE\n- Baked 300 loaves a day\n", "dashboards", tax)
    assert result.status == "missing" and result.score == 0 and not result.evidence
    assert 1 <= len(result.suggestions) <= 3


def test_scores_follow_statuses_and_weights(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    report = check_text(BASE + "EXPERIENCE\n- Interviewed 40 merchants about payouts\n", taxonomy=tax)
    covered, missing = report.by_id("interviews"), report.by_id("dashboards")
    assert covered.score > 0.7 and missing.score == 0
    assert report.score == round(100 * (covered.score + missing.score) / 2)
    assert [c.id for c in report.categories] == ["alpha", "beta"]
    assert report.categories[0].covered == 1 and report.categories[1].missing == 1


def test_same_input_same_output():
    text = (BASE + "EXPERIENCE\n- Wrote the PRD and acceptance criteria for checkout\n"
            "- Ran 25 customer interviews\n\nSKILLS\nSQL, Jira\n")
    assert check_text(text).to_dict() == check_text(text).to_dict()


def test_unquantified_evidence_is_flagged():
    report = check_text(BASE + "EXPERIENCE\n- Wrote the PRD for the new checkout flow with engineering\n")
    assert any("PRD" in e.text for e in report.unquantified)


def test_real_taxonomy_reads_own_words():
    text = BASE + ("EXPERIENCE\nProduct Manager, Parcelly | 2020–2024\n"
                   "- Sat with six dispatchers and interviewed twelve fleet owners about late pickups\n"
                   "- Built a Looker dashboard the exec team checked every Monday\n"
                   "- Wrote the spec engineers built the tracking page from\n")
    report = check_text(text)
    for rid in ("customer-needs", "data-analysis", "requirements"):
        assert report.by_id(rid).status == "covered", rid
    assert report.by_id("evangelism").status == "missing"


def test_technical_work_outside_software_is_at_most_partial():
    nurse = BASE + ("EXPERIENCE\nRegistered Nurse, St Mary's | 2018-2024\n"
                    "- Tested the new charting module before go-live and wrote the acceptance checklist for the ward\n"
                    "- Cared for 30 patients a shift on a surgical ward\n")
    result = check_text(nurse).by_id("testing-acceptance")
    assert result.status == "partial" and result.evidence
    tpm = nurse + ("- Worked with the software engineers on the mobile app and its API\n"
                   "- Shipped the web product's data export feature for users\n")
    assert check_text(tpm).by_id("testing-acceptance").status == "covered"


def test_context_needs_words_and_a_minimum(tmp_path, mini_taxonomy_path):
    import pytest

    from resumefit import TaxonomyError

    path = tmp_path / "t.yaml"
    path.write_text(mini_taxonomy_path.read_text().replace("role: Test Role", "role: Test Role\ncontext: {min: 0, words: [x]}"))
    with pytest.raises(TaxonomyError, match="'context' needs 'words'"):
        load_taxonomy(path)


def test_rule_words_must_meet_in_one_sentence(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    paragraph = ("EXPERIENCE\nI ran the merchant onboarding team for three years at a payments firm. "
                 "Later I set up the interview loop for new hires in our Lisbon office.\n")
    assert verdict(paragraph, "interviews", tax).status != "covered"
    together = ("EXPERIENCE\nI ran the onboarding team for three years at a payments firm. "
                "I interviewed 40 merchants about payout delays and fixed the top three.\n")
    result = verdict(together, "interviews", tax)
    assert result.status == "covered"
    # The evidence is the sentence that shows the work, not the whole paragraph.
    assert result.evidence[0].text == "I interviewed 40 merchants about payout delays and fixed the top three."


def test_first_person_deed_in_about_counts_but_a_claim_does_not(mini_taxonomy_path):
    tax = load_taxonomy(mini_taxonomy_path)
    deed = "ABOUT\nI interviewed 40 merchants about payout delays and turned it into our plan.\n"
    claim = "ABOUT\nI love interviewing merchants and customers about their problems every single week.\n"
    assert verdict(deed, "interviews", tax).status == "covered"
    assert verdict(claim, "interviews", tax).status == "partial"


def _lone(bullet: str) -> str:
    return BASE + "EXPERIENCE\nProduct Manager, Parcelly | 2020–2024\n- " + bullet + "\n"


@pytest.mark.parametrize("bullet, rid", [
    # Writing a business case is commercial work, not a new idea.
    ("Wrote the staffing business case for four more nurses and got it approved by finance", "innovation"),
    # A title in a sentence is still a title: the bullet must show the product owned.
    ("Stood in for the product owner in sprint planning while she was on leave", "product-ownership"),
    ("Release sign-off for every biweekly release from the quality side", "release-management"),
    ("Runbooks for the on-call rotation, about 60 of them", "documentation"),
    ("Ran leadership workshops on OKRs with the CIO's staff", "product-strategy"),
    # A journalist's sources and a recruiter's interview loops are not customer discovery.
    ("Interview 200+ sources a year for the investigations desk", "customer-needs"),
    ("Partner with engineering managers on interview loops and scorecards", "customer-needs"),
    ("Conduct patient interviews and leader rounding daily on a 32-bed unit", "customer-needs"),
    # Working with sales engineers or developer relations is not evangelising.
    ("Ran the go/no-go for the rules cutover with support and sales engineering", "evangelism"),
    ("Coordinated the GA launch with the platform, security and developer-relations teams", "evangelism"),
    # An engineer's design doc is engineering, not product requirements.
    ("Wrote the design doc for the rate limiter and walked the team through it", "requirements"),
])
def test_edge_of_scope_lines_are_at_most_partial(bullet, rid):
    assert verdict(_lone(bullet)[len(BASE):], rid).status != "covered"


@pytest.mark.parametrize("bullet, rid", [
    ("Pivoted from an open neighbourhood marketplace to invite-only school communities", "product-strategy"),
    ("Got the MVP out in 14 weeks for $58k, under the $60k we'd set aside", "delivery-risk-cost"),
    ("Ran a bake-off of two hosted LLM APIs and an open-weight model on our own GPUs", "technology-trends"),
    ("Six-week spike on passkeys with the platform architect; shipped them to every tenant", "technology-trends"),
    ("Did 70 calls with clinic owners; that's where the no-show deposit idea came from", "innovation"),
    ("Weekend proof of concept for instant payouts; picked up as the Q3 project", "innovation"),
    ("Dropped the self-hosted tracing cluster for a managed vendor and wrote the decision doc", "documentation"),
    ("Translated user needs from 18 cardiologists into 140 design inputs", "requirements"),
    ("Kept a feature and pricing matrix of the three big e-signature vendors for sales", "competitive-analysis"),
    ("Put together a comparison of six payroll vendors (features, pricing, API quality)", "competitive-analysis"),
    ("Broke the booking monolith into five services with the staff engineer", "systems-understanding"),
    ("Worked with the backend lead on the design of the offline sync endpoints", "systems-understanding"),
    ("I specced the field mapping for the CRM sync and wrote the test cases", "requirements"),
    ("Wrote a one-page problem statement and a MoSCoW list for the v2 release", "requirements"),
    ("Tested two open-source OCR engines and wrote the memo that started the scanning project", "innovation"),
    ("Built a Flask tool over the orders database in a weekend; it became the starting point for the ops console", "innovation"),
    ("Launched a parking upsell with two partners that now brings in €2M a year", "innovation"),
    ("Ran a six-week evaluation of three OCR vendors, then brought the winner into the claims flow", "technology-trends"),
    ("Made the call to go all-in on Matter instead of our own radio protocol", "technology-trends"),
    ("Wrote the 3-yr platform plan that moved us onto one shared checkout", "product-strategy"),
])
def test_own_words_cover(bullet, rid):
    # Technical entries need a software work history around them.
    field = "- Worked with the software engineers on the mobile app, its API and the web dashboard\n"
    assert verdict(_lone(bullet)[len(BASE):] + field, rid).status == "covered"


def test_a_product_title_is_covered_only_when_the_bullets_show_the_work():
    from resumefit import Scorer, ScoringSettings
    from resumefit.api import parse_resume

    resume = parse_resume((BASE + "EXPERIENCE\nSenior Product Manager, Parcelly | 2020–2024\n"
                           "- Interviewed 40 merchants about payout delays\n"
                           "- Wrote the spec engineers built the tracking page from\n"
                           "- Built a Looker dashboard the exec team checked every Monday\n").encode(),
                          filename="cv.txt")
    shown = sum(r.status == "covered" for r in Scorer(settings=ScoringSettings(title_support=99)).score(resume).responsibilities)
    backed = Scorer(settings=ScoringSettings(title_support=shown)).score(resume).by_id("product-ownership")
    assert backed.status == "covered"
    assert [e.strength for e in backed.evidence] == ["title"] and "Product Manager" in backed.evidence[0].text
    alone = Scorer(settings=ScoringSettings(title_support=shown + 1)).score(resume).by_id("product-ownership")
    assert alone.status == "partial"


@pytest.mark.parametrize("job_line, expected", [
    ("Data Engineer, Haulwise | 2019–2024", "partial"),
    ("Senior Product Manager, Haulwise | 2019–2024", "covered"),
])
def test_owning_work_is_product_ownership_only_in_a_product_role(job_line, expected):
    # Owning a data platform or a P&L as an engineer or manager is not owning a product.
    text = ("EXPERIENCE\n" + job_line + "\n"
            "- Own the shipment-tracking platform: 140 pipelines moving GPS and billing data into Snowflake\n"
            "- Worked with the software engineers on the mobile app, its API and the web dashboard\n")
    assert verdict(text, "product-ownership").status == expected


def test_a_product_manager_mentioned_in_a_bullet_is_not_the_persons_role():
    text = ("EXPERIENCE\nQA Lead, Pixelforge | 2019–2024\n"
            "- Own the release train for 14 teams and agree the dates with the product manager\n")
    assert verdict(text, "product-ownership").status != "covered"


@pytest.mark.parametrize("bullet, rid", [
    ("Threw together a hacky prototype of the seat map over two evenings", "innovation"),
    ("Did a two-week spike that compared WebGPU and WebGL rendering", "technology-trends"),
])
def test_a_work_line_touching_the_topic_is_partial_not_missing(bullet, rid):
    field = "- Worked with the software engineers on the mobile app, its API and the web dashboard\n"
    assert verdict(_lone(bullet)[len(BASE):] + field, rid).status != "missing"
