//! Trails over small invented corpora: clustering across reports, order of appearance,
//! longest form, word changes and speaker credits.

use super::*;
use crate::corpus::build_article;
use crate::{ArticleMeta, Date};

/// Articles `(outlet, date, body)`, ids `a0`, `a1`… in the given order.
fn corpus(reports: &[(&str, &str, &str)]) -> Corpus {
    let articles = reports
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, body))| {
            let (y, m, d) = (date[..4].parse().unwrap(), date[5..7].parse().unwrap(), date[8..].parse().unwrap());
            let meta = ArticleMeta {
                outlet: outlet.to_string(),
                headline: format!("Report {i}"),
                byline: String::new(),
                dateline: String::new(),
                published: Date::new(y, m, d).unwrap(),
                published_raw: date.to_string(),
                url: String::new(),
                language: "en".into(),
            };
            build_article(format!("a{i}"), format!("a{i}.txt"), meta, format!("Report {i}\n\n{body}\n"))
        })
        .collect();
    Corpus::new(articles)
}

fn build(reports: &[(&str, &str, &str)]) -> (Corpus, QuoteIndex, Trails) {
    let c = corpus(reports);
    let index = QuoteIndex::build(&c);
    let trails = Trails::build(&c, &index);
    (c, index, trails)
}

fn article_of<'c>(c: &'c Corpus, index: &QuoteIndex, o: &Occurrence) -> &'c str {
    c.articles[index.quotes[o.quote].article].id.as_str()
}

const SAID: &str = "The people of this city will not be intimidated, and we will rebuild every school that was damaged before the winter comes";

#[test]
fn one_quotation_in_three_reports_is_one_trail_in_order_of_appearance() {
    let (c, index, t) = build(&[
        ("Valley Post", "2020-03-04", &format!("\"{SAID},\" Mayor Ann Lee said on Tuesday.")),
        ("Coast Herald", "2020-03-02", &format!("Mayor Ann Lee said: \"{SAID}.\"")),
        ("Bay Times", "2020-03-04", "\"we will rebuild every school that was damaged before the winter comes,\" Lee said."),
    ]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
    let trail = &t.trails[0];
    assert_eq!(trail.outlets, 3);
    let order: Vec<&str> = trail.occurrences.iter().map(|o| article_of(&c, &index, o)).collect();
    // Coast Herald first (earliest date); on the same day Bay Times before Valley Post.
    assert_eq!(order, ["a1", "a2", "a0"]);
    assert_eq!(trail.first().quote, trail.occurrences[0].quote);
    // The longest form is the earliest of the two full ones.
    assert_eq!(trail.longest, 0);
    // The trimmed one omitted the opening words.
    let trimmed = &trail.occurrences[1];
    assert_eq!(trimmed.changes.len(), 1);
    assert_eq!(trimmed.changes[0].kind, ChangeKind::Omitted);
    let long_article = &c.articles[index.quotes[trail.occurrences[0].quote].article];
    assert_eq!(long_article.slice(trimmed.changes[0].longest), "The people of this city will not be intimidated, and");
    assert!(trail.occurrences[2].changes.is_empty());
    // "Lee" and "Ann Lee" are one speaker; nobody disagrees.
    let s = trail.speaker.expect("a speaker");
    assert_eq!(index.speakers[s].name, "Ann Lee");
    assert!(trail.occurrences.iter().all(|o| matches!(o.credit, Credit::Printed | Credit::Merged)));
}

#[test]
fn an_altered_word_is_marked_where_the_outlet_printed_it() {
    let altered = SAID.replace("city", "town");
    let (c, index, t) = build(&[("Coast Herald", "2020-03-02", &format!("\"{SAID},\" said Ann Lee.")), ("Valley Post", "2020-03-03", &format!("\"{altered},\" said Ann Lee."))]);
    assert_eq!(t.trails.len(), 1);
    let later = &t.trails[0].occurrences[1];
    assert_eq!(later.changes.len(), 1);
    let change = &later.changes[0];
    assert_eq!(change.kind, ChangeKind::Changed);
    let a = &c.articles[index.quotes[later.quote].article];
    assert_eq!(a.slice(change.words), "town");
    let first = &c.articles[index.quotes[t.trails[0].occurrences[0].quote].article];
    assert_eq!(first.slice(change.longest), "city");
}

#[test]
fn a_repeat_within_one_report_is_not_a_trail() {
    let (_, _, t) = build(&[("Coast Herald", "2020-03-02", &format!("\"{SAID},\" said Ann Lee.\n\nShe repeated it later: \"{SAID}.\""))]);
    assert!(t.trails.is_empty(), "{t:?}");
}

#[test]
fn the_seeds_short_shared_words_do_not_join() {
    let (_, _, t) = build(&[
        ("Middle East Eye", "2016-12-13", "\"We are about to die,\" said Shadi's wife, Amal, by telephone."),
        ("TIME", "2016-12-13", "\"We are about to die,\" one resident told the agency."),
    ]);
    assert!(t.trails.is_empty(), "{t:?}");
}

#[test]
fn a_paraphrase_in_another_report_does_not_join() {
    let (_, _, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{SAID},\" said Ann Lee.")),
        ("Valley Post", "2020-03-03", "\"This city's people won't be frightened, and every damaged school is going to be rebuilt before winter,\" said Ann Lee."),
    ]);
    assert!(t.trails.is_empty(), "{t:?}");
}

#[test]
fn an_unattributed_occurrence_is_credited_by_the_trail_and_a_variant_name_merged() {
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{SAID},\" Mayor Ann Lee said.")),
        ("Valley Post", "2020-03-03", &format!("The statement went up overnight. \"{SAID}.\"")),
    ]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
    let trail = &t.trails[0];
    assert_eq!(index.speakers[trail.speaker.unwrap()].name, "Ann Lee");
    assert_eq!(trail.occurrences.iter().map(|o| o.credit).collect::<Vec<_>>(), [Credit::Printed, Credit::FromTrail]);
    assert!(!trail.speakers_agree());
}

#[test]
fn a_surname_the_speaker_index_kept_apart_is_merged_by_the_trail() {
    // Two people called Lee: the index cannot tell which one a lone "Lee" is; the shared
    // words can.
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{SAID},\" Mayor Ann Lee said.")),
        ("Valley Post", "2020-03-03", &format!("\"{SAID},\" Lee said.")),
        ("Bay Times", "2020-03-04", "\"The river is higher than anyone here has ever seen it,\" said Bruce Lee, a farmer."),
    ]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
    let trail = &t.trails[0];
    let names: Vec<&str> = trail.occurrences.iter().map(|o| index.speakers[index.quotes[o.quote].speaker.unwrap()].name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Lee"]);
    assert_eq!(index.speakers[trail.speaker.unwrap()].name, "Ann Lee");
    assert_eq!(trail.occurrences.iter().map(|o| o.credit).collect::<Vec<_>>(), [Credit::Printed, Credit::Merged]);
}

#[test]
fn outlets_crediting_different_people_disagree_and_keep_their_credits() {
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{SAID},\" Mayor Ann Lee said.")),
        ("Valley Post", "2020-03-03", &format!("\"{SAID},\" Governor Tom Reed said.")),
    ]);
    assert_eq!(t.trails.len(), 1, "a long quotation joins whoever it is credited to: {t:?}");
    let trail = &t.trails[0];
    assert_eq!(trail.speaker, None);
    assert!(trail.occurrences.iter().all(|o| o.credit == Credit::Own));
    let names: Vec<&str> = trail.credited(&index).into_iter().map(|s| index.speakers[s].name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_short_quotation_credited_to_two_different_people_does_not_join() {
    let short = "We have to find out what happened here tonight";
    let (_, _, t) = build(&[("Coast Herald", "2020-03-02", &format!("\"{short},\" Mayor Ann Lee said.")), ("Valley Post", "2020-03-03", &format!("\"{short},\" Governor Tom Reed said."))]);
    assert!(t.trails.is_empty(), "{t:?}");
    let (_, _, t) = build(&[("Coast Herald", "2020-03-02", &format!("\"{short},\" Mayor Ann Lee said.")), ("Valley Post", "2020-03-03", &format!("\"{short},\" Lee said."))]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
}

#[test]
fn widest_first_and_lookups_by_quote_and_speaker() {
    let other = "Every family that lost a home in the flood will receive help from the relief fund by the end of the month";
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{other},\" said Tom Reed.")),
        ("Valley Post", "2020-03-03", &format!("\"{other},\" said Tom Reed.")),
        ("Coast Herald", "2020-03-04", &format!("\"{SAID},\" said Ann Lee.")),
        ("Valley Post", "2020-03-05", &format!("\"{SAID},\" said Ann Lee.")),
        ("Bay Times", "2020-03-06", &format!("\"{SAID},\" said Ann Lee.")),
    ]);
    assert_eq!(t.trails.iter().map(|t| t.outlets).collect::<Vec<_>>(), [3, 2]);
    let lee = index.speaker_named("Ann Lee").unwrap();
    assert_eq!(t.of_speaker(&index, lee), [0]);
    let q = t.trails[1].occurrences[1].quote;
    assert_eq!(t.of_quote(q), Some(1));
    let loose = (0..index.quotes.len()).find(|q| t.trails.iter().all(|tr| tr.occurrences.iter().all(|o| o.quote != *q)));
    assert!(loose.is_none_or(|q| t.of_quote(q).is_none()));
}

#[test]
fn a_surname_that_fits_two_credited_people_does_not_make_them_agree() {
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{SAID},\" Mayor Ann Lee said.")),
        ("Valley Post", "2020-03-03", &format!("\"{SAID},\" Lee said.")),
        ("Bay Times", "2020-03-04", &format!("\"{SAID},\" said Bruce Lee, a farmer.")),
    ]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
    assert_eq!(t.trails[0].speaker, None, "{:?}", t.trails[0].credited(&index));
    assert!(t.trails[0].occurrences.iter().all(|o| o.credit == Credit::Own));
}

#[test]
fn a_saying_quoted_alone_does_not_join_a_statement_that_uses_it() {
    // The 10k bench corpus's case: one outlet quotes the adage, another a statement ending
    // with it. Two outlets quoting the adage alone are the same words, and do join.
    let statement = "The study looked solely at the cost of low-skilled immigrants and at nothing else. Fool me once, shame on you. Fool me twice, shame on me";
    let adage = "Fool me once, shame on you — fool me twice, shame on me.";
    let (_, index, t) = build(&[
        ("Coast Herald", "2020-03-02", &format!("\"{statement},\" said Tom Reed, an economist.")),
        ("Valley Post", "2020-03-03", &format!("The old adage says, “{adage}” That advice serves well here.")),
    ]);
    assert!(index.speakers.iter().any(|s| s.is_saying()), "{:?}", index.speakers);
    assert!(t.trails.is_empty(), "{t:?}");
    let (_, _, t) = build(&[
        ("Valley Post", "2020-03-03", &format!("The old adage says, “{adage}” That advice serves well here.")),
        ("Bay Times", "2020-03-04", &format!("As the saying goes, “{adage}”")),
    ]);
    assert_eq!(t.trails.len(), 1, "{t:?}");
}
