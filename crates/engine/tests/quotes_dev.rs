//! Issue 10's development set: 60 unseen bench-corpus articles (lines 9,001–9,060), annotated
//! by hand in `tests/dev/quotes_dev.tsv` (offsets and speaker names only; the texts are read
//! from the bench corpus at test time, and the test is skipped when it is absent). Prints
//! detection precision, recall and F1, speaker accuracy by name and by mention, and speaker-entry
//! duplicates; fails when a figure drops below its floor. `--nocapture` lists the misses.

use dispatches_engine::quotes::{extract, QuoteIndex, QuoteKind};
use dispatches_engine::{Corpus, Span};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
mod quotes_support;
use quotes_support::article;

struct Gold {
    line: usize,
    span: Span,
    /// None: no quotation; Some(""): a quotation whose source is not said.
    speaker: Option<String>,
    source: Option<Span>,
}

fn key(s: &str) -> String {
    s.to_lowercase().replace('’', "'").replace('-', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offset of character offset `c` in `text`.
fn byte_at(text: &str, c: usize) -> usize {
    text.char_indices().nth(c).map_or(text.len(), |(b, _)| b)
}

fn overlap(a: Span, b: Span) -> f32 {
    let (s, e) = (a.start.max(b.start), a.end.min(b.end));
    if e <= s {
        return 0.0;
    }
    (e - s) as f32 / a.len().max(b.len()) as f32
}

fn touches(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The last word of a name key ("donald j. trump" → "trump").
fn last(k: &str) -> &str {
    k.rsplit(' ').next().unwrap_or("")
}

#[test]
fn development_set_precision_recall_and_speakers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/allsides-10k.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        println!("bench corpus not found at {}: development set skipped", path.display());
        return;
    };
    let src = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev/quotes_dev.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = src.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect()).collect();
    let lines: HashSet<usize> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    let mut texts: BTreeMap<usize, String> = BTreeMap::new();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    for (i, l) in reader.lines().enumerate() {
        let n = i + 1;
        if n > *lines.iter().max().unwrap() {
            break;
        }
        if lines.contains(&n) {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            texts.insert(n, format!("{}\n\n{}", v["title"].as_str().unwrap_or(""), v["body"].as_str().unwrap_or("")));
        }
    }
    let gold: Vec<Gold> = rows
        .iter()
        .map(|r| {
            let line: usize = r[0].parse().unwrap();
            let t = &texts[&line];
            let at = |c: &str| byte_at(t, c.parse().unwrap());
            Gold {
                line,
                span: Span::new(at(r[1]), at(r[2])),
                speaker: (r[3] != "-").then(|| r[3].to_string()),
                source: (r.len() > 5 && !r[4].is_empty()).then(|| Span::new(at(r[4]), at(r[5]))),
            }
        })
        .collect();

    // Extraction article by article, and the speaker index over the 60 as one corpus.
    let articles: Vec<(usize, _)> = texts.iter().map(|(&n, t)| (n, article(t))).collect();
    let corpus = Corpus { articles: articles.iter().map(|(_, a)| a.clone()).collect(), ..Corpus::default() };
    let index = QuoteIndex::build(&corpus);
    let (mut predicted, mut matched, mut gold_quotes) = (0usize, 0usize, 0usize);
    let (mut with_speaker, mut by_name, mut by_mention, mut by_rule) = (0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    // Gold speaker (key) → the index's speaker entries its correctly attributed quotations went to.
    let mut entries: HashMap<String, HashSet<usize>> = HashMap::new();
    for (ai, (line, a)) in articles.iter().enumerate() {
        let qs = extract(a);
        let in_index: Vec<_> = index.in_article(ai).map(|(_, q)| q).collect();
        let shown: Vec<usize> = (0..qs.len()).filter(|&i| qs[i].kind.is_speech() || matches!(qs[i].kind, QuoteKind::Headline | QuoteKind::PullQuote) && qs[i].speaker.is_some()).collect();
        predicted += shown.len();
        let golds: Vec<&Gold> = gold.iter().filter(|g| g.line == *line && g.speaker.is_some()).collect();
        gold_quotes += golds.len();
        for g in golds {
            let Some(&i) = shown.iter().find(|&&i| overlap(qs[i].span, g.span) > 0.5) else {
                misses.push(format!("{line} missed {:?}", &a.text[g.span.range()].chars().take(50).collect::<String>()));
                continue;
            };
            matched += 1;
            let want = g.speaker.as_deref().unwrap();
            if want.is_empty() {
                continue;
            }
            with_speaker += 1;
            let q = &qs[i];
            let got = q.speaker.as_ref().map(|s| key(&s.name));
            let mention_ok = matches!((q.mention, g.source), (Some(m), Some(s)) if touches(m, s));
            let (wk, gk) = (key(want), got.clone().unwrap_or_default());
            // Strictly by name: the same name, or one's surname in the other.
            let name_ok = got.is_some() && (wk == gk || wk.split(' ').any(|x| x == last(&gk)) || gk.split(' ').any(|x| x == last(&wk)));
            by_mention += mention_ok as usize;
            // The rule: the mention overlaps the annotated source, or the name matches.
            by_rule += (name_ok || got.is_some() && mention_ok) as usize;
            if name_ok {
                by_name += 1;
                if let Some(s) = in_index.get(i).and_then(|q| q.speaker) {
                    entries.entry(wk).or_default().insert(s);
                }
            } else {
                misses.push(format!("{line} speaker {:?}: got {:?}, want {want:?}", &a.text[g.span.range()].chars().take(40).collect::<String>(), q.speaker.as_ref().map(|s| s.name.as_str())));
            }
        }
    }
    let precision = matched as f32 / predicted.max(1) as f32;
    let recall = matched as f32 / gold_quotes.max(1) as f32;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f32::EPSILON);
    let name_acc = by_name as f32 / with_speaker.max(1) as f32;
    let mention_acc = by_mention as f32 / with_speaker.max(1) as f32;
    let rule_acc = by_rule as f32 / with_speaker.max(1) as f32;
    let duplicates: usize = entries.values().map(|e| e.len() - 1).sum();
    for m in &misses {
        println!("{m}");
    }
    for (who, e) in entries.iter().filter(|(_, e)| e.len() > 1) {
        println!("{who}: {:?}", e.iter().map(|&s| index.speakers[s].name.as_str()).collect::<Vec<_>>());
    }
    println!(
        "development set: {} articles, {gold_quotes} quotations ({with_speaker} with a named source), {predicted} predicted, {matched} matched: precision {precision:.3} recall {recall:.3} F1 {f1:.3}; speaker by name {name_acc:.3} (the issue's rule, mention or name: {rule_acc:.3}), by mention {mention_acc:.3}; speaker entries for one person beyond the first: {duplicates} (of {} people)",
        articles.len(),
        entries.len()
    );
    assert!(f1 >= 0.95, "detection F1 {f1:.3}");
    assert!(rule_acc >= 0.92 && name_acc >= 0.89, "speaker by name {name_acc:.3} ({rule_acc:.3} by the issue's rule)");
    assert!(duplicates <= 1, "{duplicates} duplicate speaker entries");
}
