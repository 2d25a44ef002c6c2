//! Issue 10: one entry per person across the corpus (a surname joins its full name: in the
//! article, the only one, or the corpus's dominant one weighed by co-occurrence), aliases, and
//! roles that describe the person (the most frequent shown, each quotation keeping its own).
//! Invented articles only.

use dispatches_engine::quotes::{extract, QuoteIndex};
use dispatches_engine::{corpus, ArticleMeta, Corpus, Date};
mod quotes_support;
use quotes_support::article;

fn corpus_of(texts: &[&str]) -> Corpus {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let meta = ArticleMeta {
                outlet: format!("Outlet {}", i % 3),
                headline: String::new(),
                byline: String::new(),
                dateline: String::new(),
                published: Date::new(2020, 1, 1 + i as u8 % 28).unwrap(),
                published_raw: String::new(),
                url: String::new(),
                language: String::new(),
            };
            corpus::build_article(format!("a{i}"), format!("a{i}.txt"), meta, t.to_string())
        })
        .collect();
    Corpus { articles, ..Corpus::default() }
}

/// The role of the first quotation of `t`.
fn first_role(t: &str) -> Option<String> {
    let a = article(t);
    extract(&a).into_iter().next().and_then(|q| q.role)
}

/// The speaker's name of the first quotation of `t`.
fn first_name(t: &str) -> Option<String> {
    let a = article(t);
    extract(&a).into_iter().next().and_then(|q| q.speaker).map(|s| s.name)
}

#[test]
fn a_surname_joins_the_dominant_full_name() {
    let mut texts = vec![
        "Rally\n\n\"We will win,\" President Dan Marsh said on Monday.",
        "Rally\n\n\"We will win again,\" said Dan Marsh, the president.",
        "Rally\n\n\"Jobs are back,\" Dan Marsh told a crowd.",
        "Gala\n\n\"The dress is new,\" said Eva Marsh, the president's wife.",
        // Only the surname: the dominant Marsh (Dan), not Eva.
        "Vote\n\n\"The vote was rigged,\" Marsh said.",
        // The article prints Eva: this Marsh is hers.
        "Gala\n\nThe gala drew Eva and her friends.\n\n\"It was lovely,\" Marsh said.",
    ];
    texts.push("Trade\n\n\"Tariffs work,\" Marsh said on Friday.");
    let c = corpus_of(&texts);
    let index = QuoteIndex::build(&c);
    let dan = index.speaker_named("Dan Marsh").expect("Dan Marsh");
    let eva = index.speaker_named("Eva Marsh").expect("Eva Marsh");
    assert_eq!(index.speakers[dan].quotes.len(), 5, "{:?}", index.speakers);
    assert_eq!(index.speakers[eva].quotes.len(), 2, "{:?}", index.speakers);
    assert_eq!(index.speakers[dan].aliases, ["Marsh"]);
    assert!(index.speaker_named("Marsh").is_none());
}

#[test]
fn a_surname_shared_evenly_stays_apart() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Dan Marsh.",
        "B\n\n\"Two,\" said Eva Marsh.",
        "C\n\n\"Three,\" Marsh said.",
    ]);
    let index = QuoteIndex::build(&c);
    assert!(index.speaker_named("Marsh").is_some(), "{:?}", index.speakers);
}

#[test]
fn the_role_shown_is_the_most_frequent_and_each_quote_keeps_its_own() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Ann Lee, a senator from Ohio.",
        "B\n\n\"Two,\" Gov. Ann Lee said.",
        "C\n\n\"Three,\" said Ann Lee, a senator from Ohio.",
    ]);
    let index = QuoteIndex::build(&c);
    let s = &index.speakers[index.speaker_named("Ann Lee").unwrap()];
    assert_eq!(s.role.as_deref(), Some("a senator from Ohio"));
    let roles: Vec<Option<&str>> = index.quotes.iter().map(|q| q.role.as_deref()).collect();
    assert_eq!(roles, [Some("a senator from Ohio"), Some("Gov."), Some("a senator from Ohio")]);
}

#[test]
fn roles_describe_the_person() {
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, speaking to reporters."), None);
    assert_eq!(first_role("A\n\nTom Hart, asked about the vote on Tuesday, said: \"We won.\""), None);
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, resolute."), None);
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, always the good soldier."), None);
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, two weeks ago."), None);
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, a lawyer for the city and a member of the board."), Some("a lawyer for the city".into()));
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, spokesman for the county police."), Some("spokesman for the county police".into()));
}

#[test]
fn titles_never_become_part_of_a_name() {
    assert_eq!(first_name("A\n\n\"We ship weekly,\" said Acme Vice President of Product Development Adam Moss."), Some("Adam Moss".into()));
    assert_eq!(first_name("A\n\n\"We won,\" Former Gov. Tom Hart said."), Some("Tom Hart".into()));
    assert_eq!(first_name("A\n\n\"We won,\" said Deputy Adviser for Regional Affairs Ben Rhodes."), Some("Ben Rhodes".into()));
    assert_eq!(first_name("A\n\n\"We won,\" said Secretary of State John Kerry."), Some("John Kerry".into()));
}

#[test]
fn a_middle_name_or_initial_joins_the_plain_name_and_the_kind_is_the_majoritys() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Sen. Hillary Rodham Clinton.",
        "B\n\n\"Two,\" said Hillary Clinton, the candidate.",
        "C\n\n\"Three,\" Hillary Clinton said.",
        "D\n\n\"Four,\" said Sarah Huckabee Sanders.",
        "E\n\n\"Five,\" said Sarah Sanders.",
    ]);
    let index = QuoteIndex::build(&c);
    let h = &index.speakers[index.speaker_named("Hillary Rodham Clinton").expect("one entry")];
    assert_eq!(h.quotes.len(), 3, "{:?}", index.speakers);
    assert_eq!(h.kind, dispatches_engine::quotes::SpeakerKind::Person);
    assert_eq!(index.speakers[index.speaker_named("Sarah Huckabee Sanders").unwrap()].quotes.len(), 2);
}

#[test]
fn modifiers_and_connectives_are_no_roles_and_a_title_names_its_holder() {
    assert_eq!(first_role("A\n\n\"We won,\" said Tom Hart, however."), None);
    assert_eq!(first_role("A\n\nOther senior Tom Hart said: \"We won.\""), None);
    assert_eq!(first_role("A\n\nPresident Dan Marsh and first lady Eva Marsh arrived. \"We won,\" said first lady Eva Marsh."), Some("first lady".into()));
    let a = article("A\n\nGov. Gretchen Whit spoke on Monday.\n\n\"Fix the roads,\" the Michigan governor told reporters.");
    assert_eq!(extract(&a)[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Gretchen Whit"));
}

#[test]
fn middles_that_agree_join_and_a_repeated_link_is_cut() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Rep. Adam B. Schiff.",
        "B\n\n\"Two,\" said Rep. Adam Bennett Schiff.",
        "C\n\n\"Three,\" said Adam Schiff.",
        "D\n\n\"Four,\" said Dan K. Marsh.",
        "E\n\n\"Five,\" said Dan L. Marsh.",
        "F\n\n\"Six,\" said Dan Marsh.",
    ]);
    let index = QuoteIndex::build(&c);
    assert_eq!(index.speakers[index.speaker_named("Adam Bennett Schiff").expect("one entry")].quotes.len(), 3, "{:?}", index.speakers);
    assert!(index.speaker_named("Dan K. Marsh").is_some() && index.speaker_named("Dan L. Marsh").is_some(), "{:?}", index.speakers);
    let a = article("A\n\nRep. Adam Schiff Adam Bennett SchiffHouse chairman spoke.\n\n\"We won,\" said Rep. Adam Schiff Adam Bennett SchiffHouse.");
    assert_eq!(extract(&a)[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Adam Schiff"));
}

#[test]
fn a_title_picks_the_owner_of_a_shared_surname_and_a_nickname_joins_the_formal_name() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Hillary Clinton, a senator.",
        "B\n\n\"Two,\" said Hillary Clinton.",
        "C\n\n\"Three,\" said Sen. Hillary Clinton.",
        "D\n\n\"Four,\" said President Bill Clinton.",
        // Both printed: "Clinton" alone stays ambiguous in the article; "President Clinton"
        // is the president.
        "E\n\nBill Clinton and Hillary Clinton spoke.\n\n\"Five,\" President Clinton said.",
        "F\n\n\"Six,\" said Charles Schumer.",
        "G\n\n\"Seven,\" said Chuck Schumer.",
        "H\n\n\"Eight,\" said Charles Schumer.",
    ]);
    let index = QuoteIndex::build(&c);
    let count = |n: &str| index.speaker_named(n).map(|s| index.speakers[s].quotes.len());
    assert_eq!(count("Bill Clinton"), Some(2), "{:?}", index.speakers);
    assert_eq!(count("Hillary Clinton"), Some(3), "{:?}", index.speakers);
    assert_eq!(count("Charles Schumer"), Some(3), "{:?}", index.speakers);
    assert!(index.speaker_named("Clinton").is_none() && index.speaker_named("Chuck Schumer").is_none());
}

#[test]
fn a_short_organisation_name_joins_the_full_one_of_its_article() {
    let c = corpus_of(&["Report\n\nThe Washington Post reported the memo was \"a raw expression of anger.\"\n\nMore from the Post: \"The president, as well as family members and longtime loyalists, feels deeply unprotected, people close to them said.\""]);
    let index = QuoteIndex::build(&c);
    let post = index.speaker_named("Washington Post").expect("one entry");
    assert_eq!(index.speakers[post].quotes.len(), 2, "{:?}", index.speakers);
    assert!(index.speaker_named("Post").is_none());
}

#[test]
fn a_nickname_with_middles_joins_a_suffix_stays_apart_and_a_ticket_of_two_surnames_is_nobody() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Joe Biden.",
        "B\n\n\"Two,\" said Joe Biden.",
        "C\n\n\"Three,\" said Joe Biden.",
        // The formal first name with a middle initial.
        "D\n\n\"Four,\" said Joseph R. Biden.",
        // A suffix may be a son's: it stays apart.
        "E\n\n\"Five,\" said Joe Biden Jr.",
        "F\n\n\"Six,\" said Barack Obama.",
        // A ticket ("the Obama-Biden campaign") named as if a person: not a full name whose
        // surname is Biden, even where the article prints "Obama".
        "G\n\n\"Seven,\" Obama-Biden said.",
        "H\n\nObama and the Obama-Biden campaign spoke.\n\n\"Eight,\" Biden fired back.",
        // A hyphenated surname alone is still a person's.
        "I\n\n\"Nine,\" said Alexandria Ocasio-Cortez.",
        "J\n\n\"Ten,\" Ocasio-Cortez said.",
    ]);
    let index = QuoteIndex::build(&c);
    let entry = |n: &str| entry_of(&index, n);
    let biden = entry("Joe Biden").expect("one entry");
    assert_eq!(index.speakers[biden].quotes.len(), 5, "{:?}", index.speakers);
    assert_eq!((entry("Joseph R. Biden"), entry("Biden")), (Some(biden), Some(biden)), "{:?}", index.speakers);
    assert_ne!(entry("Joe Biden Jr"), Some(biden), "{:?}", index.speakers);
    let ticket = entry("Obama-Biden").expect("its own entry");
    assert_eq!(index.speakers[ticket].kind, dispatches_engine::quotes::SpeakerKind::Organisation, "{:?}", index.speakers[ticket]);
    assert_eq!(index.speakers[ticket].quotes.len(), 1);
    assert_eq!(entry("Alexandria Ocasio-Cortez").map(|s| index.speakers[s].quotes.len()), Some(2), "{:?}", index.speakers);
}

#[test]
fn a_hyphenated_surname_printed_in_full_is_no_ticket_and_a_short_first_name_needs_initials() {
    let c = corpus_of(&[
        "A\n\n\"One,\" said Stephanie Rawlings-Blake.",
        "B\n\n\"Two,\" said Lou Rawlings.",
        "C\n\n\"Three,\" said Tony Blake.",
        "D\n\n\"Four,\" Rawlings-Blake said.",
        "E\n\n\"Five,\" said Bill Clinton.",
        "F\n\n\"Six,\" said Bill Clinton.",
        // A headline's words, not a name with a middle.
        "G\n\n\"Seven,\" said Will Hillary Clinton.",
    ]);
    let index = QuoteIndex::build(&c);
    let entry = |n: &str| entry_of(&index, n);
    let mayor = entry("Stephanie Rawlings-Blake").expect("one entry");
    assert_eq!((index.speakers[mayor].quotes.len(), index.speakers[mayor].kind), (2, dispatches_engine::quotes::SpeakerKind::Person), "{:?}", index.speakers);
    let bill = entry("Bill Clinton").expect("one entry");
    assert_eq!(index.speakers[bill].quotes.len(), 2, "{:?}", index.speakers);
}

/// The speaker entry printed as `name` or with `name` among its other forms.
fn entry_of(index: &QuoteIndex, name: &str) -> Option<usize> {
    index.speakers.iter().position(|s| s.name == name || s.aliases.iter().any(|a| a == name))
}

#[test]
fn an_outlet_a_place_a_party_or_a_common_word_said_is_no_person() {
    let c = corpus_of(&[
        "A\n\n\"One,\" Politico reported.",
        "B\n\nMany critics of the plan spoke, and the critics were loud; the critics left.\n\n\"Two,\" Critics said.",
        "C\n\n\"Three,\" Republicans said.",
        // Capitalised mid-sentence: a name, though "young" is a common word too.
        "D\n\nThe young and the restless, young voters, young people.\n\n\"Four,\" said Todd Young.\n\n\"Five,\" Young said.",
        "E\n\nThey met officials in Texas, from Texas and across Texas.\n\n\"Six,\" Texas said.",
        // Printed after "in", but mostly elsewhere: a name.
        "G\n\nShe met Isra, and Isra spoke; Isra left, then Isra returned, with Isra and Isra, as Isra, in Isra's car.\n\n\"Nine,\" Isra said.",
        // An outlet's name that is someone's surname.
        "F\n\n\"Seven,\" said Katie Hill.\n\n\"Eight,\" Hill said.",
    ]);
    let mut c = c;
    c.articles[1].meta.outlet = "Politico".into();
    c.articles[2].meta.outlet = "The Hill".into();
    let index = QuoteIndex::build(&c);
    let kind = |n: &str| entry_of(&index, n).map(|s| index.speakers[s].kind);
    use dispatches_engine::quotes::SpeakerKind::*;
    assert_eq!(kind("Politico"), Some(Organisation), "{:?}", index.speakers);
    assert_eq!(kind("Critics"), Some(Unnamed), "{:?}", index.speakers);
    assert!(kind("Republicans").is_some_and(|k| k != Person), "{:?}", index.speakers);
    let young = entry_of(&index, "Todd Young").expect("one entry");
    assert_eq!((index.speakers[young].kind, index.speakers[young].quotes.len()), (Person, 2), "{:?}", index.speakers);
    assert_eq!((kind("Texas"), kind("Isra")), (Some(Organisation), Some(Person)), "{:?}", index.speakers);
    let hill = entry_of(&index, "Katie Hill").expect("one entry");
    assert_eq!((index.speakers[hill].kind, index.speakers[hill].quotes.len()), (Person, 2), "{:?}", index.speakers);
}
