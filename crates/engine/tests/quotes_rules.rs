//! One test per attribution and detection rule, on small invented news texts (no seed text).

use dispatches_engine::quotes::{extract, ArticleQuote, QuoteKind, SpeakerKind};
mod quotes_support;
use quotes_support::article;

/// (quoted text, speaker, kind) of every quotation.
fn run(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
    let a = article(text);
    extract(&a).into_iter().map(|q| (a.slice(q.span).to_string(), q.speaker.map(|s| s.name), q.kind)).collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    run(text).into_iter().map(|(_, s, _)| s).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

const LEAD: &str = "Storm hits the coast\n\nThe storm reached the coast on Friday night, officials said.\n\n";

#[test]
fn cue_after_in_both_orders() {
    let t = format!("{LEAD}\"The water rose fast,\" said Maria Lopez, a nurse at the clinic.\n\n\"We had no warning,\" Peter Hall told reporters.");
    assert_eq!(speakers(&t), [some("Maria Lopez"), some("Peter Hall")]);
}

#[test]
fn cue_before_with_colon_and_comma() {
    let t = format!("{LEAD}Governor Anne Brook said: \"Every county will get help.\"\n\nShe added, \"Nobody will be left behind.\"");
    let q = run(&t);
    assert_eq!(q[0].1, some("Anne Brook"));
    assert_eq!(q[1].1, some("Anne Brook"));
    assert_eq!(q[0].2, QuoteKind::Speech);
}

#[test]
fn appositive_role_is_kept() {
    let t = format!("{LEAD}\"Roads are closed,\" Tom Reed, spokesman for the county police, told reporters.");
    let a = article(&t);
    let q: Vec<ArticleQuote> = extract(&a);
    assert_eq!(q[0].speaker.as_ref().unwrap().name, "Tom Reed");
    assert_eq!(q[0].role.as_deref(), Some("spokesman for the county police"));
    assert_eq!(q[0].cue.as_deref(), Some("told"));
    assert_eq!(a.slice(q[0].mention.unwrap()), "Tom Reed");
}

#[test]
fn pronouns_resolve_to_the_right_earlier_person() {
    let t = format!(
        "{LEAD}Lena Berg, a teacher, left her flat at dawn. Her neighbour Omar Said stayed behind.\n\n\"I could not leave my mother,\" he said.\n\n\"The school is gone,\" she said."
    );
    assert_eq!(speakers(&t), [some("Omar Said"), some("Lena Berg")]);
}

#[test]
fn split_quote_and_continuation_paragraph() {
    let t = format!("{LEAD}\"We lost everything,\" said farmer Joe Black. \"The barn, the animals, all of it.\"\n\n\"We will rebuild anyway.\"\n\nThe rain stopped on Sunday.");
    assert_eq!(speakers(&t), [some("Joe Black"), some("Joe Black"), some("Joe Black")]);
}

#[test]
fn unclosed_quote_continues_into_next_paragraph() {
    let t = format!("{LEAD}Mayor Ruth Kane said: \"We are asking everyone to stay home.\n\n\"The bridges are not safe,\" she said.");
    let q = run(&t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].0, "We are asking everyone to stay home.");
    assert_eq!(q[0].1, some("Ruth Kane"));
}

#[test]
fn fragments_and_scare_quotes() {
    let t = format!("{LEAD}Fire chief Dan Moss described the valley as \"a lake of mud\".\n\nThe so-called \"safe zone\" was flooded too.");
    let q = run(&t);
    assert_eq!((q[0].1.clone(), q[0].2), (some("Dan Moss"), QuoteKind::Fragment));
    assert_eq!((q[1].1.clone(), q[1].2), (None, QuoteKind::Scare));
}

#[test]
fn apostrophes_are_never_quotes() {
    let t = format!("{LEAD}The farmers' union and the county's mayor said they'd meet. Gov'ts were slow, residents said.");
    assert!(run(&t).is_empty());
}

#[test]
fn nested_and_mixed_marks() {
    let t = format!("{LEAD}\"My son told me, 'Dad, the water is coming.' Then the lights went out,” said Ali Noor.");
    let q = run(&t);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.starts_with("My son told me, 'Dad"));
    assert_eq!(q[0].1, some("Ali Noor"));
}

#[test]
fn organisations_and_unnamed_sources_speak() {
    let t = format!(
        "{LEAD}\"Aid is on the way,\" the International Federation of Red Cross Societies said.\n\n\"The dam held,\" a local official told reporters.\n\nThe agency said in a statement that \"all staff are safe.\""
    );
    let a = article(&t);
    let q = extract(&a);
    assert_eq!(q[0].speaker.as_ref().unwrap().kind, SpeakerKind::Organisation);
    assert_eq!(q[1].speaker.as_ref().unwrap().name, "a local official");
    assert_eq!(q[1].speaker.as_ref().unwrap().kind, SpeakerKind::Unnamed);
    assert!(q[2].speaker.is_some());
}

#[test]
fn names_are_canonical_within_the_article() {
    let t = format!("{LEAD}Dr. Helen Marsh runs the only clinic.\n\n\"We need generators,\" Ms. Marsh said.\n\n\"And fuel,\" Marsh added.");
    assert_eq!(speakers(&t), [some("Helen Marsh"), some("Helen Marsh")]);
}

#[test]
fn quoted_as_saying_and_according_to() {
    let t = format!("{LEAD}\"The levee will hold,\" the newspaper quoted engineer Sam Price as saying.\n\n\"Help is coming,\" according to Deputy Mayor Lia Cho.");
    assert_eq!(speakers(&t), [some("Sam Price"), some("Lia Cho")]);
}

#[test]
fn it_resolves_to_an_organisation() {
    let t = format!("{LEAD}The World Food Programme sent trucks on Monday. \"More will follow,\" it said.");
    assert_eq!(speakers(&t), [some("World Food Programme")]);
}

#[test]
fn headline_repeat_points_to_the_body_quote() {
    let t = "Flood survivor: ‘We have nothing left’\n\nThe river burst its banks on Friday.\n\n\"We have nothing left, nothing at all,\" said Rosa Diaz, a baker.";
    let a = article(t);
    let q = extract(&a);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].kind, QuoteKind::Headline);
    assert_eq!(q[0].repeat_of, Some(1));
    assert_eq!(q[0].speaker.as_ref().unwrap().name, "Rosa Diaz");
}

/// On real articles (the bench corpus, when present): no panic, spans inside their block,
/// on char boundaries, and mentions never inside the quotation they attribute.
#[test]
fn bench_corpus_sample_is_well_formed() {
    use std::io::BufRead;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/allsides-10k.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else { return };
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    for line in reader.lines().take(400) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = format!("{}\n\n{}", v["title"].as_str().unwrap_or(""), v["body"].as_str().unwrap_or(""));
        let a = article(&text);
        for q in extract(&a) {
            let b = a.blocks[q.block].span;
            assert!(b.contains(q.span), "quote outside its block");
            assert!(a.text.is_char_boundary(q.span.start as usize) && a.text.is_char_boundary(q.span.end as usize));
            if let Some(m) = q.mention {
                assert!(m.end <= q.span.start || m.start >= q.span.end, "mention inside the quote");
            }
            assert!(q.repeat_of.map_or(true, |r| r < 1000));
        }
    }
}
