//! The extractor against the hand annotation of every quotation in the five seeds
//! (`tests/gold/quotes.tsv`): precision, recall, speaker accuracy and kind accuracy.
//! Run with `--nocapture` to see each miss.

use dispatches_engine::quotes::{QuoteIndex, QuoteKind};
use dispatches_engine::{corpus, Corpus, Span};
use std::path::Path;

struct Gold {
    article: String,
    kind: String,
    speakers: Vec<String>,
    span: Span,
    text: String,
}

fn seeds() -> Corpus {
    corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load")
}

fn key(s: &str) -> String {
    s.to_lowercase().replace('’', "'").replace('-', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gold(corpus: &Corpus) -> Vec<Gold> {
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/quotes.tsv")).unwrap();
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "bad gold row {line}");
        let a = corpus.get(f[0]).unwrap_or_else(|| panic!("no article {}", f[0]));
        let lno: usize = f[1].parse().unwrap();
        let line_start: usize = a.text.split_inclusive('\n').take(lno - 1).map(str::len).sum();
        let line_text = a.text[line_start..].split('\n').next().unwrap();
        let at = line_text.find(f[4]).unwrap_or_else(|| panic!("gold text not on line {lno} of {}: {}", f[0], f[4]));
        let start = line_start + at;
        out.push(Gold {
            article: f[0].to_string(),
            kind: f[2].to_string(),
            speakers: f[3].split('|').filter(|s| !s.is_empty()).map(key).collect(),
            span: Span::new(start, start + f[4].len()),
            text: f[4].to_string(),
        });
    }
    out
}

fn overlap(a: Span, b: Span) -> f32 {
    let s = a.start.max(b.start);
    let e = a.end.min(b.end);
    if e <= s {
        return 0.0;
    }
    (e - s) as f32 / a.len().max(b.len()) as f32
}

#[test]
fn gold_precision_recall_and_speakers() {
    let corpus = seeds();
    let index = QuoteIndex::build(&corpus);
    let gold = gold(&corpus);
    let mut used = vec![false; index.quotes.len()];
    let (mut matched, mut speaker_ok, mut kind_ok) = (0, 0, 0);
    for g in &gold {
        let best = index
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, q)| !used[*i] && q.article_id == g.article)
            .map(|(i, q)| (i, overlap(q.span, g.span)))
            .filter(|&(_, o)| o >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, _)) = best else {
            println!("MISSED  {} [{}] {}", g.article, g.kind, g.text);
            continue;
        };
        used[i] = true;
        matched += 1;
        let q = &index.quotes[i];
        let name = q.speaker.map(|s| index.speakers[s].name.clone());
        let ok = match &name {
            None => g.speakers.is_empty(),
            Some(n) => g.speakers.contains(&key(n)),
        };
        if ok {
            speaker_ok += 1;
        } else {
            println!("SPEAKER {} got {:?} want {:?}: {}", g.article, name, g.speakers, g.text);
        }
        if q.kind.label() == g.kind {
            kind_ok += 1;
        } else {
            println!("KIND    {} got {} want {}: {}", g.article, q.kind.label(), g.kind, g.text);
        }
    }
    for (i, q) in index.quotes.iter().enumerate().filter(|(i, _)| !used[*i]) {
        println!("EXTRA   {} #{i} [{}] {}", q.article_id, q.kind.label(), q.text(&corpus));
    }
    let precision = matched as f32 / index.quotes.len() as f32;
    let recall = matched as f32 / gold.len() as f32;
    let speakers = speaker_ok as f32 / matched.max(1) as f32;
    let kinds = kind_ok as f32 / matched.max(1) as f32;
    println!("gold {} predicted {} matched {matched}: precision {precision:.3} recall {recall:.3} speaker {speakers:.3} kind {kinds:.3}", gold.len(), index.quotes.len());
    assert!(precision >= 0.97 && recall >= 0.97, "precision {precision:.3} recall {recall:.3}");
    assert!(speakers >= 0.95, "speaker accuracy {speakers:.3}");
}

#[test]
fn one_speaker_across_outlets() {
    let corpus = seeds();
    let index = QuoteIndex::build(&corpus);
    let s = index.speaker_named("Jan Egeland").expect("Jan Egeland is a speaker");
    let outlets: Vec<&str> = index.speakers[s].by_outlet(&index, &corpus).into_iter().map(|(o, _)| o).collect();
    assert!(outlets.len() >= 2, "{outlets:?}");
    for q in &index.speakers[s].quotes {
        assert!(index.quotes[*q].kind.is_speech());
    }
    // Repeats are marked and not counted twice.
    let repeats: Vec<_> = index.quotes.iter().filter(|q| q.repeat_of.is_some()).collect();
    assert!(repeats.iter().all(|q| matches!(q.kind, QuoteKind::Headline | QuoteKind::PullQuote)));
    assert!(index.speakers.iter().all(|sp| sp.quotes.iter().all(|&q| index.quotes[q].repeat_of.is_none())));
}

#[test]
fn index_round_trips_through_postcard() {
    let index = QuoteIndex::build(&seeds());
    let bytes = postcard::to_allocvec(&index).unwrap();
    let back: QuoteIndex = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, index);
}
