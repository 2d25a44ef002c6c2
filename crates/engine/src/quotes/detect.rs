//! Finding quotation marks in one block: which marks open, which close, which are apostrophes.
//!
//! Double marks (straight `"`, curly `“ ”`, low `„`, guillemets) are read by flanking: a mark
//! with a space or an opening bracket on its left and a letter on its right opens, one with a
//! letter or punctuation on its left and a space or punctuation on its right closes; a curly
//! mark that contradicts its shape (`"…”`, `“…"`) is accepted, so mixed marks pair up. Single
//! marks are quotation marks only where a double quotation is open (nested), or at the top level
//! of headline-like blocks and of articles that quote with single marks throughout; a single
//! mark between two letters (`Gov'ts`, `we’ve`) or after a plural `s` with no quotation open
//! (`rebels'`) is an apostrophe.

use crate::model::Span;

/// One top-level quotation found in a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (or the block end when unclosed).
    pub end: usize,
    /// The quoted text, marks excluded, trimmed of spaces.
    pub inner: Span,
    /// The block ended before the quotation closed.
    pub unclosed: bool,
    /// Quoted with single marks.
    pub single: bool,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}
fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}
fn is_double(c: char) -> bool {
    c == '"' || is_double_open(c) || is_double_close(c)
}
fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}
fn opens_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

/// Can a mark with `prev` before and `next` after open a quotation?
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let next_ok = next.map_or(false, |c| !c.is_whitespace());
    let prev_ok = prev.map_or(true, |c| c.is_whitespace() || opens_bracket(c) || is_double(c) || is_single(c));
    next_ok && prev_ok
}

/// Can it close one?
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = prev.map_or(false, |c| !c.is_whitespace());
    let next_ok = next.map_or(true, |c| c.is_whitespace() || !c.is_alphanumeric());
    prev_ok && next_ok
}

/// The quotations of `text[span]`. `single_top`: single marks may quote at the top level.
pub(crate) fn scan(text: &str, span: Span, single_top: bool) -> Vec<Mark> {
    let block = &text[span.range()];
    let base = span.start as usize;
    let mut out = Vec::new();
    // Open top-level quotation: (offset of mark, mark length, single?)
    let mut open: Option<(usize, usize, bool)> = None;
    // A single quotation open inside a double one (only tracked to skip it).
    let mut nested_single = false;
    let mut prev: Option<char> = None;
    let mut iter = block.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_double(c) {
            let lf = left_flanking(prev, next);
            let rf = right_flanking(prev, next);
            match open {
                None => {
                    let opens = is_double_open(c) || (c == '"' && (lf || !rf)) || (is_double_close(c) && lf && !rf);
                    if opens && next.is_some() {
                        open = Some((i, c.len_utf8(), false));
                        nested_single = false;
                    }
                }
                Some((o, olen, false)) => {
                    let closes = is_double_close(c) || (c == '"' && (rf || !lf)) || (is_double_open(c) && rf && !lf);
                    if closes {
                        out.push(make(text, base, o, olen, i, c.len_utf8(), false, false));
                        open = None;
                    } else {
                        // A new opener while one is open: the first was never closed.
                        out.push(make(text, base, o, olen, i, 0, true, false));
                        open = Some((i, c.len_utf8(), false));
                    }
                    nested_single = false;
                }
                Some((_, _, true)) => {} // double marks nested in a single quotation
            }
        } else if is_single(c) {
            let word_inside = prev.map_or(false, char::is_alphanumeric) && next.map_or(false, char::is_alphanumeric);
            if !word_inside {
                let lf = left_flanking(prev, next) && next.map_or(false, |n| !n.is_ascii_digit()) && c != '’' && c != '›';
                let rf = right_flanking(prev, next) && c != '‘' && c != '‚' && c != '‹';
                match open {
                    None if single_top && lf => {
                        open = Some((i, c.len_utf8(), true));
                    }
                    Some((o, olen, true)) if rf => {
                        out.push(make(text, base, o, olen, i, c.len_utf8(), false, true));
                        open = None;
                    }
                    Some((_, _, false)) => {
                        if nested_single && rf {
                            nested_single = false;
                        } else if !nested_single && lf {
                            nested_single = true;
                        }
                    }
                    _ => {}
                }
            }
        }
        prev = Some(c);
    }
    if let Some((o, olen, single)) = open {
        // A single opener never closed was an apostrophe after all (`'90s`, `'em`).
        if !single {
            out.push(make(text, base, o, olen, block.len(), 0, true, false));
        }
    }
    out.retain(|m| !m.inner.is_empty());
    out
}

#[allow(clippy::too_many_arguments)]
fn make(text: &str, base: usize, o: usize, olen: usize, c: usize, clen: usize, unclosed: bool, single: bool) -> Mark {
    let mut s = base + o + olen;
    let mut e = base + c;
    while s < e && text[s..e].starts_with(char::is_whitespace) {
        s += text[s..].chars().next().map_or(1, char::len_utf8);
    }
    while e > s && text[s..e].ends_with(char::is_whitespace) {
        e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
    }
    Mark { open: base + o, end: base + c + clen, inner: Span::new(s, e), unclosed, single }
}

/// Does the block start (after spaces) with an opening double or single mark?
pub(crate) fn starts_with_open(text: &str, span: Span) -> bool {
    let t = text[span.range()].trim_start();
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(c), Some(n)) => (c == '"' || is_double_open(c) || c == '‘' || c == '\'') && !n.is_whitespace(),
        _ => false,
    }
}

/// Does the text contain any double quotation mark?
pub(crate) fn has_double(s: &str) -> bool {
    s.chars().any(is_double)
}

/// Does the text contain a single mark that opens a word (a quotation in single-mark style)?
pub(crate) fn has_single_opener(s: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied();
        if (c == '‘' || c == '\'') && left_flanking(prev, next) && next.map_or(false, |n| n.is_alphabetic()) {
            return true;
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str, single: bool) -> Vec<String> {
        scan(t, Span::new(0, t.len()), single).iter().map(|m| t[m.inner.range()].to_string()).collect()
    }

    #[test]
    fn straight_curly_and_mixed_marks_pair() {
        assert_eq!(quotes(r#""One," he said. "Two.""#, false), ["One,", "Two."]);
        assert_eq!(quotes("“One,” he said. “Two.”", false), ["One,", "Two."]);
        assert_eq!(quotes("\"Why?” he asked. “Home.\"", false), ["Why?", "Home."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(quotes("The rebels' Gov'ts and we’ve Aleppo’s 'em", true), Vec::<String>::new());
        assert_eq!(quotes(r#""The Gov'ts of the rebels' towns," he said."#, false), ["The Gov'ts of the rebels' towns,"]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(quotes(r#""She told me, 'we will die.' And I wept," he said."#, false), ["She told me, 'we will die.' And I wept,"]);
        assert_eq!(quotes(r#"the "so-called 'safe zones'" were"#, false), ["so-called 'safe zones'"]);
    }

    #[test]
    fn single_marks_quote_only_where_allowed() {
        assert_eq!(quotes("Fall of the city: ‘We are about to die’", true), ["We are about to die"]);
        assert_eq!(quotes("'Not yet reached' - envoy", true), ["Not yet reached"]);
        assert_eq!(quotes("Fall of the city: ‘We are about to die’", false), Vec::<String>::new());
    }

    #[test]
    fn unclosed_quote_runs_to_block_end() {
        let t = r#"He said: "We stay here. We will not leave"#;
        let m = scan(t, Span::new(0, t.len()), false);
        assert_eq!(m.len(), 1);
        assert!(m[0].unclosed);
        assert_eq!(&t[m[0].inner.range()], "We stay here. We will not leave");
        assert!(starts_with_open("“Next", Span::new(0, 7)));
    }

    #[test]
    fn inch_marks_do_not_open() {
        assert_eq!(quotes(r#"a 5" screen and a 7" one"#, false), Vec::<String>::new());
    }
}
