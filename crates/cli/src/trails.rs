//! `dispatches trails [DIR] [--json] [--min-outlets N]`: the quotations of a corpus folder
//! (default: the seeds) that two or more outlets ran, widest first — who ran each first,
//! who repeated it, how its words changed and whom each outlet credited.
//!
//! `--json` prints one object per trail: `trail` (its id: position in the widest-first list
//! of the whole corpus, from 1), `text` (the longest form), `outlets`, `speakers` (the names
//! the outlets credited, most credited first), `speaker` (whom the trail credits, when the
//! credits can be one speaker), `speakers_agree`, `first` (article id of the first appearance)
//! and `occurrences`, each with `article`, `outlet`, `published`, `start`/`end` (character
//! offsets into the article's text, as in `dispatches quotes`), `text`, `speaker` (as the
//! outlet credited it), `credit` (printed, merged, trail, own) and `changes` against the
//! longest form (`kind` omitted/added/changed, `text` of this occurrence with its `start`/`end`,
//! `longest`: the longest form's words).

use crate::args::{dir_json_and_number, load_dir_or_report, output_done, CommandResult};
use crate::list::truncate;
use dispatches_engine::quotes::QuoteIndex;
use dispatches_engine::text::char_offset;
use dispatches_engine::trails::{Change, ChangeKind, Credit, Trail, Trails};
use dispatches_engine::Corpus;
use serde::Serialize;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};

#[derive(Serialize)]
struct JsonTrail<'a> {
    trail: usize,
    text: &'a str,
    outlets: usize,
    speakers: Vec<&'a str>,
    speaker: Option<&'a str>,
    speakers_agree: bool,
    first: &'a str,
    occurrences: Vec<JsonOccurrence<'a>>,
}

#[derive(Serialize)]
struct JsonOccurrence<'a> {
    article: &'a str,
    outlet: &'a str,
    published: String,
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    credit: &'static str,
    changes: Vec<JsonChange<'a>>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    kind: &'static str,
    /// This occurrence's words (empty for omitted words) and where they stand.
    text: &'a str,
    start: usize,
    end: usize,
    /// The longest form's words (empty for added words).
    longest: &'a str,
}

pub fn run(args: Vec<OsString>) -> CommandResult {
    let (dir, json, min_outlets) = dir_json_and_number(args, "--min-outlets", 2usize)?;
    let (_, corpus) = match load_dir_or_report(dir) {
        Ok(c) => c,
        Err(code) => return Ok(code),
    };
    let index = QuoteIndex::build(&corpus);
    let trails = Trails::build(&corpus, &index);
    let shown: Vec<(usize, &Trail)> = trails.trails.iter().enumerate().filter(|(_, t)| t.outlets >= min_outlets).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let view = View { corpus: &corpus, index: &index };
    let result = if json { print_json(&mut out, &view, &shown) } else { print_listing(&mut out, &view, &shown, min_outlets, std::io::stdout().is_terminal()) };
    output_done(result.and_then(|_| out.flush()))
}

/// What printing a trail reads.
struct View<'a> {
    corpus: &'a Corpus,
    index: &'a QuoteIndex,
}

impl<'a> View<'a> {
    fn article(&self, quote: usize) -> &'a dispatches_engine::Article {
        &self.corpus.articles[self.index.quotes[quote].article]
    }

    fn speaker_name(&self, speaker: Option<usize>) -> Option<&'a str> {
        speaker.map(|s| self.index.speakers[s].name.as_str())
    }

    fn longest_text(&self, trail: &Trail) -> &'a str {
        let q = trail.occurrences[trail.longest].quote;
        self.article(q).slice(self.index.quotes[q].span)
    }

    /// A change's words in this occurrence and in the longest form.
    fn change_texts(&self, trail: &Trail, quote: usize, change: &Change) -> (&'a str, &'a str) {
        (self.article(quote).slice(change.words), self.article(trail.occurrences[trail.longest].quote).slice(change.longest))
    }
}

fn print_json(out: &mut impl Write, view: &View, shown: &[(usize, &Trail)]) -> std::io::Result<()> {
    for &(id, trail) in shown {
        let occurrences = trail
            .occurrences
            .iter()
            .map(|o| {
                let a = view.article(o.quote);
                let q = &view.index.quotes[o.quote];
                let changes = o
                    .changes
                    .iter()
                    .map(|c| {
                        let (text, longest) = view.change_texts(trail, o.quote, c);
                        JsonChange { kind: c.kind.label(), text, start: char_offset(&a.text, c.words.start as usize), end: char_offset(&a.text, c.words.end as usize), longest }
                    })
                    .collect();
                JsonOccurrence {
                    article: &a.id,
                    outlet: &a.meta.outlet,
                    published: a.meta.published.to_string(),
                    start: char_offset(&a.text, q.span.start as usize),
                    end: char_offset(&a.text, q.span.end as usize),
                    text: a.slice(q.span),
                    speaker: view.speaker_name(q.speaker),
                    credit: o.credit.label(),
                    changes,
                }
            })
            .collect();
        let row = JsonTrail {
            trail: id + 1,
            text: view.longest_text(trail),
            outlets: trail.outlets,
            speakers: trail.credited(view.index).into_iter().map(|s| view.index.speakers[s].name.as_str()).collect(),
            speaker: view.speaker_name(trail.speaker),
            speakers_agree: trail.speakers_agree(),
            first: &view.article(trail.first().quote).id,
            occurrences,
        };
        writeln!(out, "{}", serde_json::to_string(&row).expect("rows serialize"))?;
    }
    Ok(())
}

fn print_listing(out: &mut impl Write, view: &View, shown: &[(usize, &Trail)], min_outlets: usize, color: bool) -> std::io::Result<()> {
    let (bold, dim, reset) = if color { ("\x1b[1m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
    if shown.is_empty() {
        let outlets = if min_outlets <= 1 { "two reports".to_string() } else { format!("{} outlets", in_words(min_outlets)) };
        return writeln!(out, "No quotation was carried by {outlets} ({} reports, {} quotations).", view.corpus.articles.len(), view.index.quotes.len());
    }
    for &(id, trail) in shown {
        let reports = trail.occurrences.len();
        writeln!(out, "{bold}#{} {} outlet{}, {reports} report{}{reset} “{}”", id + 1, trail.outlets, plural(trail.outlets), plural(reports), truncate(view.longest_text(trail), 160))?;
        writeln!(out, "    {dim}{}{reset}", speaker_summary(view, trail))?;
        for (i, o) in trail.occurrences.iter().enumerate() {
            let a = view.article(o.quote);
            let mut notes: Vec<String> = Vec::new();
            if i == 0 {
                notes.push("first".into());
            }
            if i == trail.longest {
                notes.push("longest".into());
            }
            notes.extend(o.changes.iter().map(|c| {
                let (words, longest) = view.change_texts(trail, o.quote, c);
                match c.kind {
                    ChangeKind::Omitted => format!("omitted “{}”", truncate(longest, 40)),
                    ChangeKind::Added => format!("added “{}”", truncate(words, 40)),
                    ChangeKind::Changed => format!("“{}” for “{}”", truncate(words, 40), truncate(longest, 40)),
                }
            }));
            let credit = match (view.speaker_name(view.index.quotes[o.quote].speaker), o.credit) {
                (Some(name), _) => format!(" — {name}"),
                (None, Credit::FromTrail) => " — nobody named (the trail credits its speaker)".into(),
                (None, _) => " — nobody named".into(),
            };
            writeln!(out, "    {} {:<16} {dim}{}{reset}{credit}{dim}{}{reset}", a.meta.published, truncate(&a.meta.outlet, 16), a.id, if notes.is_empty() { String::new() } else { format!("  [{}]", notes.join("; ")) })?;
        }
    }
    writeln!(out, "{dim}{} trail{} of {} outlet{} or more{reset}", shown.len(), plural(shown.len()), min_outlets, plural(min_outlets))
}

/// Whom the outlets credited and what the trail makes of it, in a line.
fn speaker_summary(view: &View, trail: &Trail) -> String {
    let named = |credit: Credit| trail.occurrences.iter().filter(|o| o.credit == credit).count();
    match view.speaker_name(trail.speaker) {
        Some(name) if trail.speakers_agree() => format!("every outlet credits {name}"),
        Some(name) => {
            let mut parts = vec![format!("the trail credits {name}")];
            let merged: Vec<&str> = trail.occurrences.iter().filter(|o| o.credit == Credit::Merged).filter_map(|o| view.speaker_name(view.index.quotes[o.quote].speaker)).collect();
            if !merged.is_empty() {
                parts.push(format!("merges {}", merged.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(", ")));
            }
            let credited = named(Credit::FromTrail);
            if credited > 0 {
                parts.push(format!("credits {credited} report{} that named nobody or an unnamed source", plural(credited)));
            }
            parts.join("; ")
        }
        None => {
            let names: Vec<&str> = trail.credited(view.index).into_iter().map(|s| view.index.speakers[s].name.as_str()).collect();
            if names.is_empty() {
                "no outlet names a speaker".into()
            } else {
                format!("the outlets disagree: {}", names.join("; "))
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Small numbers as words, as a sentence prints them ("two outlets").
fn in_words(n: usize) -> String {
    const WORDS: [&str; 9] = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    n.checked_sub(2).and_then(|i| WORDS.get(i)).map_or_else(|| n.to_string(), |w| w.to_string())
}
