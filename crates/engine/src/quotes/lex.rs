//! Words, punctuation and quotations of a block, and its sentences.
//!
//! A quotation is one token, so a sentence boundary never falls inside quoted words and the
//! attribution rules see `“…,” he said.` as `Q , he said .`.

use super::detect::Mark;
use super::words::{is_abbreviation, is_cue_word, is_sentence_starter};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
    /// Index into the block's marks.
    Quote(usize),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '‑')
}

/// Tokens of `text[start..end]`, each mark's whole extent (marks included) being one token.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, marks: &[Mark], out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = start;
    let mut m = 0;
    while i < end {
        if m < marks.len() && i >= marks[m].open {
            out.push(Tok { kind: Kind::Quote(m), start: marks[m].open, end: marks[m].end.max(i) });
            i = marks[m].end.max(i + 1);
            m += 1;
            continue;
        }
        let limit = if m < marks.len() { marks[m].open.min(end) } else { end };
        let b = bytes[i];
        if b < 0x80 {
            let c = b as char;
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if c.is_ascii_alphanumeric() {
                let s = i;
                i = word_end(text, i, limit);
                out.push(Tok { kind: Kind::Word, start: s, end: i });
                continue;
            }
            out.push(Tok { kind: Kind::Punct(c), start: i, end: i + 1 });
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap();
            let l = c.len_utf8();
            if c.is_alphanumeric() {
                let s = i;
                i = word_end(text, i, limit);
                out.push(Tok { kind: Kind::Word, start: s, end: i });
                continue;
            }
            if !c.is_whitespace() && c != '\u{feff}' {
                out.push(Tok { kind: Kind::Punct(c), start: i, end: i + l });
            }
            i += l;
        }
    }
}

fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let mut it = text[start..limit].char_indices().peekable();
    let mut end = start;
    while let Some((o, c)) = it.next() {
        if c.is_alphanumeric() {
            end = start + o + c.len_utf8();
        } else if joins_word(c) && it.peek().map_or(false, |&(_, n)| n.is_alphanumeric()) {
            end = start + o + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Splits tokens into sentences: `(start, end)` index ranges into `toks`.
pub(crate) fn sentences(text: &str, toks: &[Tok], marks: &[Mark], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = toks[i];
        let mut boundary = false;
        match t.kind {
            Kind::Punct('.' | '!' | '?' | '…') => {
                let mut j = i + 1;
                while j < n && matches!(toks[j].kind, Kind::Punct(')' | ']' | '.' | '!' | '?')) {
                    j += 1;
                }
                if j >= n {
                    break;
                }
                let next = toks[j];
                let opens = starts_sentence(text, next);
                if opens {
                    boundary = if t.is_punct('.') && i > 0 && toks[i - 1].is_word() {
                        let w = &text[toks[i - 1].start..toks[i - 1].end];
                        // "No. 1" is an abbreviation; "he would vote no." ends a sentence.
                        let number_sign = !w.eq_ignore_ascii_case("no") || text[next.start..].starts_with(|c: char| c.is_ascii_digit());
                        if is_abbreviation(w) && number_sign {
                            false
                        } else if w.contains('.') || (w.len() == 1 && w.chars().all(|c| c.is_uppercase())) {
                            next.is_word() && is_sentence_starter(&text[next.start..next.end])
                        } else {
                            true
                        }
                    } else {
                        true
                    };
                }
                if boundary {
                    out.push((start, j));
                    start = j;
                    i = j;
                    continue;
                }
            }
            Kind::Quote(q) => {
                let inner = &text[marks[q].inner.range()];
                let last = inner.trim_end().chars().last();
                if matches!(last, Some('.' | '!' | '?' | '…')) && i + 1 < n && starts_sentence(text, toks[i + 1]) {
                    // `?" Egeland asked.`: a name followed closely by a cue keeps the sentence.
                    let keeps = last != Some('.') && (i + 1..n.min(i + 6)).any(|k| toks[k].is_word() && is_cue_word(&text[toks[k].start..toks[k].end]));
                    if !keeps {
                        out.push((start, i + 1));
                        start = i + 1;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
}

fn starts_sentence(text: &str, t: Tok) -> bool {
    match t.kind {
        Kind::Quote(_) => true,
        Kind::Word => text[t.start..].chars().next().map_or(false, |c| c.is_uppercase() || c.is_numeric()),
        Kind::Punct(c) => matches!(c, '(' | '[' | '—' | '–'),
    }
}
