//! Issue 10 rules, one test each, on invented news sentences (no corpus text): attributed
//! fragments (judgement verbs, documents as sources), continuations that keep the mention of
//! the carrying attribution, cues a clause or a line break away.

use dispatches_engine::quotes::{extract, QuoteKind};
mod quotes_support;
use quotes_support::article;

use QuoteKind::{Fragment, Scare, Speech};

/// (quoted text, speaker, kind, cue) of every quotation.
fn run(text: &str) -> Vec<(String, String, QuoteKind, Option<String>)> {
    let a = article(text);
    extract(&a).into_iter().map(|q| (a.slice(q.span).to_string(), q.speaker.map_or(String::new(), |s| s.name), q.kind, q.cue)).collect()
}

fn check(text: &str, want: &[(&str, &str, QuoteKind)]) {
    let got = run(text);
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2), *w, "{got:?}");
    }
}

const LEAD: &str = "Budget fight\n\nSen. Ann Lee and Gov. Tom Hart met on Monday.\n\n";

#[test]
fn a_judgement_verb_with_an_object_gives_the_subjects_words() {
    let t = format!(
        "{LEAD}Hart called the polls \"phony.\"\n\nLee labeled the bill \"a disaster.\"\n\nHart dubbed the plan \"Obamacare 2.0.\"\n\nLee praised the deal as \"historic.\"\n\nCritics called the plan \"reckless.\"\n\nIn a statement, the Finance Ministry called the attack \"barbaric.\""
    );
    check(
        &t,
        &[
            ("phony.", "Tom Hart", Fragment),
            ("a disaster.", "Ann Lee", Fragment),
            ("Obamacare 2.0.", "Tom Hart", Fragment),
            ("historic.", "Ann Lee", Fragment),
            ("reckless.", "Critics", Fragment),
            ("barbaric.", "Finance Ministry", Fragment),
        ],
    );
}

#[test]
fn reports_polls_and_statements_are_sources() {
    let t = format!("{LEAD}A Gallup poll found voters \"deeply divided\" over the plan.\n\nThe report called the claims \"baseless.\"\n\nThe statement said the agency was \"overwhelmed.\"");
    check(&t, &[("deeply divided", "A Gallup poll", Fragment), ("baseless.", "The report", Fragment), ("overwhelmed.", "The statement", Fragment)]);
}

#[test]
fn a_name_given_or_a_passive_stays_a_scare_quote() {
    let t = format!("{LEAD}A group called \"Friends of the Park\" held a rally.\n\nThe plan, dubbed \"Blue Line,\" was dropped.\n\nThe plan was called \"reckless\" in the press.\n\nThe so-called \"safe zone\" was flooded.");
    check(&t, &[("Friends of the Park", "", Scare), ("Blue Line,", "", Scare), ("reckless", "", Scare), ("safe zone", "", Scare)]);
}

#[test]
fn a_time_phrase_set_off_by_commas_is_not_the_subject() {
    let t = format!("{LEAD}The White House, at the time, called those accusations \"false.\"");
    check(&t, &[("false.", "White House", Fragment)]);
}

#[test]
fn speech_is_unchanged_by_judgement_verbs() {
    let t = format!("{LEAD}\"We will win,\" Hart said. Lee dismissed the claim.");
    check(&t, &[("We will win,", "Tom Hart", Speech)]);
}

/// (quoted text, speaker, the words of its mention) of every quotation.
fn mentions(text: &str) -> Vec<(String, String, Option<String>)> {
    let a = article(text);
    extract(&a).into_iter().map(|q| (a.slice(q.span).to_string(), q.speaker.map_or(String::new(), |s| s.name), q.mention.map(|m| a.slice(m).to_string()))).collect()
}

#[test]
fn a_continuation_keeps_the_mention_that_carries_it() {
    let t = format!("{LEAD}\"We did our job,\" Lee said. \"Now the governor must sign it.\"\n\n\"This is a good day for the state.\"\n\nLee said the vote was \"close\" and \"hard.\"");
    let got = mentions(&t);
    let want = [
        ("We did our job,", "Ann Lee", "Lee"),
        ("Now the governor must sign it.", "Ann Lee", "Lee"),
        ("This is a good day for the state.", "Ann Lee", "Lee"),
        ("close", "Ann Lee", "Lee"),
        ("hard.", "Ann Lee", "Lee"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_deref()), (w.0, w.1, Some(w.2)), "{got:?}");
    }
    // Each continuation points at the same words: the mention of its paragraph's cue.
    let a = article(&t);
    let q = extract(&a);
    assert_eq!(q[0].mention, q[1].mention);
    assert_eq!(q[1].mention, q[2].mention);
    assert!(q[1].cue.is_none() && q[2].cue.is_none());
}

#[test]
fn a_cue_a_line_break_or_a_clause_away() {
    let t = format!("{LEAD}Hart said in a statement:\n\n\"We will fight this in every court of the land.\"\n\n\"It is not over,\" Hart, who spoke at a rally in Ohio on Tuesday after a long meeting, said.");
    let got = mentions(&t);
    assert_eq!(got[0], ("We will fight this in every court of the land.".into(), "Tom Hart".into(), Some("Hart".into())), "{got:?}");
    assert_eq!(got[1], ("It is not over,".into(), "Tom Hart".into(), Some("Hart".into())), "{got:?}");
}

#[test]
fn a_quoted_paragraph_after_its_speaker_spoke_is_theirs() {
    let t = format!("{LEAD}Lee spoke to reporters after the vote.\n\n\"We did our job. Now the governor must sign it.\"\n\nThe Finance Ministry released a statement on Friday.\n\n\"The bill is unaffordable.\"");
    let got = mentions(&t);
    assert_eq!(got[0].1, "Ann Lee", "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("Lee"));
    assert_eq!(got[1].1, "Finance Ministry", "{got:?}");
}

#[test]
fn a_cue_closing_the_sentence_a_clause_away() {
    let t = format!(
        "{LEAD}Hart was not \"overly specific\" about the cuts, Lee says.\n\nThe review has run \"for weeks,\" a person familiar with the process told reporters on Tuesday.\n\nThe auditor will be \"hard-charging\" in the review, according to a source.\n\nThe test ICBM was destroyed \"thousands of miles off the coast\" of the mainland, the director of the agency, Vice Adm. Jim Syring, told reporters.\n\nLee won \"by a mile,\" Hart told reporters."
    );
    check(
        &t,
        &[
            ("overly specific", "Ann Lee", Fragment),
            ("for weeks,", "a person familiar", Fragment),
            ("hard-charging", "a source", Fragment),
            ("thousands of miles off the coast", "Jim Syring", Fragment),
            ("by a mile,", "Tom Hart", Fragment),
        ],
    );
}

#[test]
fn a_cue_before_a_shows_name_reaches_the_quotations_after_it() {
    let t = format!("{LEAD}Her lawyer, Mia Ross, said on MSNBC's \"Morning Joe\" that if it is \"true\" it is a \"crime.\"");
    check(&t, &[("Morning Joe", "", Scare), ("true", "Mia Ross", Fragment), ("crime.", "Mia Ross", Fragment)]);
}

#[test]
fn a_name_opening_a_headline_before_a_colon_speaks_its_quotations() {
    let t = "Hart: Lee shows nothing 'concrete' on budget; calls cuts 'reckless'\n\nGov. Tom Hart spoke on Monday.\n\nOPINION: the 'best people' are gone\n\nThe rest is history.";
    let got = run(t);
    assert_eq!(got[0].1, "Tom Hart", "{got:?}");
    assert_eq!(got[1].1, "Tom Hart", "{got:?}");
    assert!(got.iter().all(|g| g.1 != "OPINION"), "{got:?}");
}

#[test]
fn a_colon_after_the_subjects_own_words_introduces_their_quotation() {
    let t = format!("{LEAD}Sen. Ann Lee emerged from the session with a bold prediction: \"We will have the votes.\"\n\nOn Tuesday, however, Hart offered some support: \"The senator has my confidence.\"\n\nSays Lee: \"Real progress.\"");
    check(&t, &[("We will have the votes.", "Ann Lee", Speech), ("The senator has my confidence.", "Tom Hart", Speech), ("Real progress.", "Ann Lee", Speech)]);
}

#[test]
fn an_inverted_cue_without_quotation_names_the_antecedent_of_the_next_pronoun() {
    let t = format!("{LEAD}\"We did our job,\" said Dan Kreiss, a professor.\n\nCampaigns will need to get creative, says Republican strategist Eric Wilson.\n\n\"Elections are won with votes,\" he says.");
    check(&t, &[("We did our job,", "Dan Kreiss", Speech), ("Elections are won with votes,", "Eric Wilson", Speech)]);
}

#[test]
fn dash_credits_states_and_call() {
    let t = "Should rent be canceled?\n\nTenants and owners disagree.\n\n“Freezing rent would prevent a surge in evictions.” — Ann Baio and Jo Carl, New York Times\n\n“Many tenants will be cushioned by benefits.” — editorial, New York Post\n\n\"I am aware that no report is perfect,\" Tom Pick states in his testimony.\n\nSome critics call him \"the president of the rich\".\n\nA group of blue states sued.";
    let got = run(t);
    let want = [
        ("Freezing rent would prevent a surge in evictions.", "Ann Baio"),
        ("Many tenants will be cushioned by benefits.", "New York Post"),
        ("I am aware that no report is perfect,", "Tom Pick"),
        ("the president of the rich", "Some critics"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0.as_str(), g.1.as_str()), w, "{got:?}");
    }
}

#[test]
fn a_modifier_in_reported_speech_is_the_speakers_word() {
    let t = format!("{LEAD}Lee said it was one of the \"best constructed\" buildings in the state.\n\nThe \"zero-tolerance\" policy ended.\n\nThe suspect was injured by a \"low-tech explosive device\" strapped to his body, officials say.");
    check(&t, &[("best constructed", "Ann Lee", Fragment), ("zero-tolerance", "", Scare), ("low-tech explosive device", "officials", Fragment)]);
}

#[test]
fn the_listener_after_told_is_no_antecedent() {
    let t = format!("{LEAD}Robert Zirk spoke for the insurers on Monday.\n\nChanges have been filed, he told FoxNews.com.\n\n\"That's a lot to unwind,\" he said.");
    check(&t, &[("That's a lot to unwind,", "Robert Zirk", Speech)]);
}

#[test]
fn a_description_set_off_after_a_name_is_its_role_not_the_speaker() {
    let t = format!("{LEAD}\"Fear spreads,\" says Dr. Kristen Lo, a behavioral expert at the university who cautions against \"hype contagion.\"\n\nBut Rep. Peter Kung, former chairman of the committee, said arming the rebels might be \"counterproductive.\"");
    check(&t, &[("Fear spreads,", "Kristen Lo", Speech), ("hype contagion.", "Kristen Lo", Fragment), ("counterproductive.", "Peter Kung", Fragment)]);
}

#[test]
fn a_pronoun_takes_the_speaker_its_own_sentence_already_named() {
    let t = format!("{LEAD}\"The challenge is real,\" said Al Card, a party chairman.\n\nSally Brad, a longtime adviser, blamed a \"lack of courage\" for the defeat. She called the nominee a \"bigot\" and said he \"couldn't unite our party.\"");
    let got = run(&t);
    assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["Al Card", "Sally Brad", "Sally Brad", "Sally Brad"], "{got:?}");
}

#[test]
fn a_title_after_an_owner_is_no_quotation_and_told_names_no_speaker_after_it() {
    let t = format!("{LEAD}Lee, a guest on NBC's \"Meet the Press,\" was calm.\n\n\"We won,\" told reporters Hart.");
    let got = run(&t);
    assert_eq!((got[0].1.as_str(), got[0].2), ("", Scare), "{got:?}");
    assert_ne!(got[1].1, "reporters Hart", "{got:?}");
}

#[test]
fn clarified_reminded_and_revealed_are_cues() {
    let t = format!("{LEAD}Lee clarified on Thursday that Hart \"didn't know the details.\"\n\nHart reminded reporters that the vote was \"a first step.\"");
    check(&t, &[("didn't know the details.", "Ann Lee", Fragment), ("a first step.", "Tom Hart", Fragment)]);
}

#[test]
fn a_question_then_a_sentence_opening_with_its_cue() {
    let t = format!("{LEAD}\"Do you want our support?\" Kristen Day, executive director of the group, asked Hart. \"There are 21 million of us.\"");
    check(&t, &[("Do you want our support?", "Kristen Day", Speech), ("There are 21 million of us.", "Kristen Day", Speech)]);
}

#[test]
fn a_shared_surname_goes_to_the_first_name_the_article_prints_most() {
    let t = "Bush weighs a run\n\nJeb Bush spoke in Miami. His brother, George W. Bush, was not there. Jeb has said he is his own man; Jeb will decide soon.\n\n\"I love my brother,\" Bush said.";
    let got = run(t);
    assert_eq!(got.last().map(|g| g.1.as_str()), Some("Jeb Bush"), "{got:?}");
}

#[test]
fn pointed_out_is_a_cue() {
    let t = format!("{LEAD}As USA Today's Eliza Collins pointed out, \"the performance of Congress is poor.\"\n\nHart pointed a finger at Lee.");
    check(&t, &[("the performance of Congress is poor.", "Eliza Collins", Speech)]);
}

#[test]
fn what_the_subject_called_right_after_the_verb() {
    let t = format!("{LEAD}Now they must make what Mr. Hart called \"adjustments\" to the plan.\n\nLee ended what she calls \"the butchery.\"\n\nA group called \"Friends of the Park\" met.");
    check(&t, &[("adjustments", "Tom Hart", Fragment), ("the butchery.", "Ann Lee", Fragment), ("Friends of the Park", "", Scare)]);
}

#[test]
fn an_organisation_name_with_of_runs_on_to_its_officers_title_and_name() {
    let t = format!("{LEAD}\"This is a crisis,\" said Students for Life of America President Kristan Hawkins.\n\nDr. Michael Rya of the World Health Organization spoke on Tuesday. Rya said, \"We need to be careful.\"");
    check(&t, &[("This is a crisis,", "Kristan Hawkins", Speech), ("We need to be careful.", "Michael Rya", Speech)]);
}

#[test]
fn a_noun_before_reports_makes_it_a_noun() {
    let t = format!("{LEAD}Hart told NBC on Tuesday that he had not seen the news reports and would not comment. He reminded reporters that he ordered the review.\n\n\"My hope is that this work will continue.\"");
    check(&t, &[("My hope is that this work will continue.", "Tom Hart", Speech)]);
}

#[test]
fn a_title_abbreviation_goes_on_to_the_name_and_its_description_names_the_holder() {
    let t = "Rebuttal\n\nAll eyes will be on Michigan Gov. Gretchen Whit, who will speak.\n\nThe Michigan governor told reporters she is concerned with \"fundamentals.\"\n\n\"We elect prosecutors,\" said St. Louis County Prosecutor Bob McCull.";
    let got = run(t);
    assert_eq!((got[0].1.as_str(), got[1].1.as_str()), ("Gretchen Whit", "Bob McCull"), "{got:?}");
}

#[test]
fn an_organisation_opening_the_clause_is_the_antecedent_of_it() {
    let t = "Debate\n\nOther Democrats picked up the theme.\n\nThe Center for American Progress, a left-leaning group, posted what it called \"27 myths\" told in 38 minutes.";
    let got = run(t);
    assert_eq!(got[0].1, "Center for American Progress", "{got:?}");
}

#[test]
fn a_description_opening_a_sentence_is_the_person_it_describes() {
    let t = "Health law\n\nPresident Dan Marsh spoke on Monday. Speaker Tom Hart disagreed.\n\nThe president chuckled at the lawmakers.\n\n\"Yesterday, they voted again,\" he said.";
    let got = run(t);
    assert_eq!(got[0].1, "Dan Marsh", "{got:?}");
}

#[test]
fn a_quotation_opening_a_sentence_after_one_about_a_person_is_theirs() {
    let t = format!("{LEAD}Hart cleared up the confusion on Friday. \"I would have gladly reported the meeting.\"");
    check(&t, &[("I would have gladly reported the meeting.", "Tom Hart", Speech)]);
}
