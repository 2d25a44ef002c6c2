//! Text normalisation shared by the index, the query parser and highlighting.
//!
//! One pipeline turns a word of any text into its *term*:
//!
//! 1. **Folding** per character: accents and other combining marks dropped (`Çelik` → `celik`),
//!    lower case, a few letters without a decomposition spelled out (`ß` → `ss`, `ø` → `o`,
//!    `æ` → `ae`), compatibility forms of Latin letters and digits (ligatures `ﬁ`, fullwidth `Ａ`,
//!    `²`, `ª`) spelled as the letters — the NFKD fold of Latin, Greek and Cyrillic, from a small
//!    table (`fold_table.rs`, tested against `unicode-normalization`); Hangul syllables are
//!    split into their jamo as NFKD does. Other compatibility characters (mathematical
//!    letters, circled digits, CJK compatibility ideographs, Arabic presentation forms) are
//!    lower-cased but not decomposed.
//!    apostrophes of every shape unified and then removed (`we’ve` = `we've` → `weve`), a
//!    possessive `'s` dropped (`Assad’s` → `assad`).
//! 2. **Word shapes**: hyphenated words give their parts *and* the joined compound at the
//!    position of the first part (`al-Haj` → `al`, `haj`, plus `alhaj`), so `al Haj`,
//!    `al-Haj` and `alHaj` find each other; dotted abbreviations join (`U.N.` → `un`);
//!    numbers are tokens (`413`, `1,000` → `1000`, `3.5`).
//! 3. **Spelling variants**: British spellings are mapped to American ones by a small table
//!    and general rules (-our/-or, -ise/-ize, -yse/-yze, defence/defense, -tre/-ter,
//!    -logue/-log), and a doubled final `l` of a stem is single (`travelled` = `traveled`).
//! 4. **Stemming**: English Snowball (Porter 2) from `rust-stemmers`; words with digits are
//!    kept as they are.
//!
//! Since the same function runs on the index and on the query, a rule only has to be
//! deterministic: it never needs to produce a real word.

use rust_stemmers::{Algorithm, Stemmer};
use super::fold_table::{FOLD_EXTENDED, FOLD_LATIN, MARKS, MULTI};
use std::borrow::Cow;

/// One token of a text: where it is, and its normalized term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the tokenized text (always on char boundaries).
    pub start: usize,
    pub end: usize,
    /// The normalized term (folded, variant-mapped, stemmed).
    pub term: String,
    /// The folded form before variants and stemming (used for prefix matching).
    pub folded: String,
    /// Position: consecutive words have consecutive positions; a compound shares the
    /// position of its first part.
    pub pos: u32,
    /// The joined form of a hyphenated word (`alhaj` for `al-Haj`).
    pub compound: bool,
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʹ' | '′' | '＇')
}

pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '－' | '­')
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Whether `c` is a combining mark (general category M).
pub(crate) fn is_combining_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 {
        return false;
    }
    let i = MARKS.partition_point(|&(_, hi)| hi < u);
    MARKS.get(i).map_or(false, |&(lo, _)| lo <= u)
}

/// Appends the folded form of `c` to `out` (nothing for apostrophes and combining marks).
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    if is_apostrophe(c) {
        return;
    }
    let u = c as u32;
    let code = match u {
        0xA0..=0x4FF => FOLD_LATIN[(u - 0xA0) as usize],
        0x1E00..=0x1FFF => FOLD_EXTENDED[(u - 0x1E00) as usize],
        // Fullwidth ASCII: as the ASCII char.
        0xFF01..=0xFF5E => return fold_char(char::from_u32(u - 0xFEE0).unwrap_or(' '), out),
        0xFB00 => return out.push_str("ff"),
        0xFB01 => return out.push_str("fi"),
        0xFB02 => return out.push_str("fl"),
        0xFB03 => return out.push_str("ffi"),
        0xFB04 => return out.push_str("ffl"),
        0xFB05 | 0xFB06 => return out.push_str("st"),
        // Hangul syllables: leading consonant, vowel, optional trailing consonant (jamo).
        0xAC00..=0xD7A3 => {
            let s = u - 0xAC00;
            for (base, k) in [(0x1100, s / 588), (0x1161, s % 588 / 28), (0x11A7, s % 28)] {
                if k > 0 || base != 0x11A7 {
                    out.extend(char::from_u32(base + k));
                }
            }
            return;
        }
        _ => 0,
    };
    match code {
        0 if is_combining_mark(c) => {}
        0 if c.is_alphanumeric() => out.extend(c.to_lowercase()),
        0 | 0xFFFF => {}
        0xE000.. => out.push_str(MULTI[usize::from(code - 0xE000)]),
        _ => out.extend(char::from_u32(code.into())),
    }
}

/// Folds a whole string (letters and digits only; everything else dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
}

/// Term of an already folded word: spelling variants, stemming, the doubled-`l` rule.
pub fn term_of_folded(folded: &str) -> String {
    if folded.is_empty() {
        return String::new();
    }
    if folded.bytes().any(|b| b.is_ascii_digit()) {
        return folded.to_string();
    }
    if let Some(hit) = TERMS.with(|c| c.borrow().get(folded).cloned()) {
        return hit;
    }
    let american = americanize(folded);
    let mut stem = STEMMER.with(|s| s.stem(&american).into_owned());
    if stem.len() >= 5 && stem.ends_with("ll") {
        stem.pop();
    }
    TERMS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= TERM_CACHE_SIZE {
            c.clear();
        }
        c.insert(folded.to_string(), stem.clone());
    });
    stem
}

/// Words whose terms are remembered (per thread): stemming dominates indexing otherwise.
const TERM_CACHE_SIZE: usize = 50_000;

thread_local! {
    static TERMS: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// The term of an arbitrary single word (folding included), e.g. for a query word.
pub fn term_of(word: &str) -> String {
    term_of_folded(&fold(word))
}

/// British → American table (whole words, also with a plural `s`).
const VARIANTS: &[(&str, &str)] = &[
    ("aeroplane", "airplane"),
    ("ageing", "aging"),
    ("aluminium", "aluminum"),
    ("anaemia", "anemia"),
    ("anaesthesia", "anesthesia"),
    ("anaesthetic", "anesthetic"),
    ("arse", "ass"),
    ("cheque", "check"),
    ("cosy", "cozy"),
    ("diarrhoea", "diarrhea"),
    ("draught", "draft"),
    ("encyclopaedia", "encyclopedia"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("foetus", "fetus"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("gaol", "jail"),
    ("grey", "gray"),
    ("haemorrhage", "hemorrhage"),
    ("instalment", "installment"),
    ("jewellery", "jewelry"),
    ("judgement", "judgment"),
    ("kerb", "curb"),
    ("leukaemia", "leukemia"),
    ("manoeuvre", "maneuver"),
    ("mediaeval", "medieval"),
    ("mould", "mold"),
    ("moustache", "mustache"),
    ("oesophagus", "esophagus"),
    ("oestrogen", "estrogen"),
    ("orthopaedic", "orthopedic"),
    ("paediatric", "pediatric"),
    ("plough", "plow"),
    ("practise", "practice"),
    ("programme", "program"),
    ("pyjamas", "pajamas"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("skilful", "skillful"),
    ("smoulder", "smolder"),
    ("storey", "story"),
    ("tyre", "tire"),
    ("whilst", "while"),
    ("wilful", "willful"),
];

/// Whole words ending in `our` that are not British spellings.
const OUR_WORDS: &[&str] = &[
    "amour", "contour", "detour", "devour", "dour", "flour", "four", "glamour", "hour", "our", "paramour", "pour", "scour",
    "sour", "tour", "troubadour", "velour", "your",
];
const OUR_SUFFIXES: &[&str] = &[
    "", "s", "ed", "ing", "hood", "hoods", "ful", "fully", "able", "ably", "ite", "ites", "less", "er", "ers", "ism", "ist", "ists", "ly",
];

/// Maps British spellings of a folded word to American ones (see the module comment).
pub fn americanize(w: &str) -> Cow<'_, str> {
    if let Some(&(_, us)) = VARIANTS.iter().find(|(uk, _)| *uk == w) {
        return Cow::Owned(us.to_string());
    }
    if let Some(singular) = w.strip_suffix('s') {
        if let Some(&(_, us)) = VARIANTS.iter().find(|(uk, _)| *uk == singular) {
            return Cow::Owned(format!("{us}s"));
        }
    }
    // -our → -or (neighbour, neighbourhood, colourful, labour, behaviour).
    if let Some(i) = w.rfind("our") {
        let (base, suffix) = (&w[..i + 3], &w[i + 3..]);
        if i >= 2 && OUR_SUFFIXES.contains(&suffix) && !OUR_WORDS.iter().any(|x| base.ends_with(x) && base.len() - x.len() <= 1) {
            return Cow::Owned(format!("{}or{}", &w[..i], suffix));
        }
    }
    let b = w.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // -ise/-ize, -isation/-ization (not after a vowel: noise, raise, cruise).
    for (uk, us) in [("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("isers", "izers"), ("iser", "izer"), ("ise", "ize")] {
        if let Some(stem) = w.strip_suffix(uk) {
            if stem.len() >= 3 && !vowel(*stem.as_bytes().last().unwrap()) {
                return Cow::Owned(format!("{stem}{us}"));
            }
            break;
        }
    }
    // -yse/-yze (analyse, paralyse).
    for (uk, us) in [("ysing", "yzing"), ("ysed", "yzed"), ("yses", "yzes"), ("yse", "yze")] {
        if let Some(stem) = w.strip_suffix(uk) {
            if stem.len() >= 3 {
                return Cow::Owned(format!("{stem}{us}"));
            }
            break;
        }
    }
    // -ence/-ense (defence, offence, licence, pretence).
    for (uk, us) in [("ences", "enses"), ("ence", "ense")] {
        if let Some(stem) = w.strip_suffix(uk) {
            if stem.ends_with("f") || stem.ends_with("lic") || stem.ends_with("pret") {
                return Cow::Owned(format!("{stem}{us}"));
            }
            break;
        }
    }
    // -tre/-ter, -bre/-ber (centre, theatre, kilometre, fibre).
    for (uk, us) in [("tres", "ters"), ("tred", "tered"), ("tre", "ter"), ("bres", "bers"), ("bre", "ber")] {
        if let Some(stem) = w.strip_suffix(uk) {
            if stem.len() >= 2 && b.len() >= 5 {
                return Cow::Owned(format!("{stem}{us}"));
            }
            break;
        }
    }
    // -logue/-log (catalogue, dialogue, demagogue).
    for (uk, us) in [("logues", "logs"), ("logue", "log"), ("gogues", "gogs"), ("gogue", "gog")] {
        if let Some(stem) = w.strip_suffix(uk) {
            return Cow::Owned(format!("{stem}{us}"));
        }
    }
    Cow::Borrowed(w)
}

/// Frequent English words a plain (unquoted) query word is ignored for, unless the whole
/// query is made of them. Compared with the folded word.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into",
    "is", "it", "its", "not", "of", "on", "or", "she", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would",
];

pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(&folded)
}

/// A token before stemming, borrowed from the scanner's buffers.
#[derive(Clone, Copy, Debug)]
pub struct RawToken<'a> {
    pub start: usize,
    pub end: usize,
    /// Folded form (see [`fold`]); its term is [`term_of_folded`] of it.
    pub folded: &'a str,
    pub pos: u32,
    pub compound: bool,
}

/// Tokenizes `text`, calling `emit` for every token in order. Positions start at `first_pos`;
/// returns the next free position.
pub fn tokenize_with(text: &str, first_pos: u32, mut emit: impl FnMut(Token)) -> u32 {
    scan(text, first_pos, |r| {
        emit(Token { start: r.start, end: r.end, term: term_of_folded(r.folded), folded: r.folded.to_string(), pos: r.pos, compound: r.compound })
    })
}

fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || is_hyphen(c) || c == '.' || c == ','
}

/// [`tokenize_with`] without stemming: the folded forms only (the indexer interns them).
pub fn scan(text: &str, first_pos: u32, mut emit: impl FnMut(RawToken)) -> u32 {
    let mut pos = first_pos;
    let mut chars = text.char_indices().peekable();
    let mut word: Vec<(usize, char)> = Vec::new();
    let mut scratch = String::new();
    while let Some(&(_, c)) = chars.peek() {
        if !is_word_char(c) {
            chars.next();
            continue;
        }
        // A raw word: word chars, with joiners (apostrophe, hyphen, dot, comma) kept only
        // between two word chars.
        word.clear();
        let mut joined = false;
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                word.push((j, d));
                chars.next();
            } else if is_joiner(d) {
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if is_word_char(e) => {
                        word.push((j, d));
                        joined = true;
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let end = word.last().map_or(0, |&(j, d)| j + d.len_utf8());
        if joined {
            pos = emit_word(text, &word, end, pos, &mut scratch, &mut emit);
        } else {
            scratch.clear();
            fold_piece(&word, &mut scratch);
            pos = emit_piece(&scratch, word[0].0, end, pos, &mut emit);
        }
    }
    pos
}

/// Tokenizes `text` into a vector.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_with(text, 0, |t| out.push(t));
    out
}

/// The end of the token starting exactly at byte `start` of `text`: the one whose term is
/// `term` if several start there (a compound and its first part), else the first.
/// Used to recover a token's end from its start.
pub fn token_end_at(text: &str, start: usize, term: &str) -> usize {
    let rest = match text.get(start..) {
        Some(r) => r,
        None => return start,
    };
    // The raw word ends at the first char that is neither a word char nor a joiner.
    let mut end = rest.len();
    let mut prev_word = false;
    let mut joined = false;
    for (i, c) in rest.char_indices() {
        if is_word_char(c) {
            prev_word = true;
            continue;
        }
        let next_word = rest[i + c.len_utf8()..].chars().next().map_or(false, is_word_char);
        if !(is_joiner(c) && prev_word && next_word) {
            end = i;
            break;
        }
        joined = true;
        prev_word = false;
    }
    if !joined {
        return start + end;
    }
    if rest[end..].starts_with('.') {
        end += 1; // the closing dot of an abbreviation
    }
    let mut best = None;
    tokenize_with(&rest[..end], 0, |t| {
        if t.start == 0 && (best.is_none() || t.term == term) {
            best = Some(t.end);
        }
    });
    start + best.unwrap_or(end)
}

/// Splits one raw word with joiners (chars with byte offsets, ending at byte `end`) into tokens.
fn emit_word(text: &str, word: &[(usize, char)], end: usize, mut pos: u32, scratch: &mut String, emit: &mut impl FnMut(RawToken)) -> u32 {
    if word.is_empty() {
        return pos;
    }
    // Hyphen-separated parts.
    let mut parts: Vec<(usize, usize)> = Vec::new(); // indexes into `word`: [a, b)
    let mut a = 0;
    for (k, &(_, c)) in word.iter().enumerate() {
        if is_hyphen(c) {
            parts.push((a, k));
            a = k + 1;
        }
    }
    parts.push((a, word.len()));
    let first_pos = pos;
    let mut compound_folded = String::new();
    let mut compound_ok = parts.len() >= 2 && parts.len() <= 6;
    for &(a, b) in &parts {
        let piece = &word[a..b];
        if piece.is_empty() {
            continue;
        }
        let piece_end = if b < word.len() { word[b].0 } else { end };
        // Dots and commas: an abbreviation (U.N), a number (1,000 / 3.5), else separators.
        let has_sep = piece.iter().any(|&(_, c)| c == '.' || c == ',');
        if !has_sep {
            scratch.clear();
            fold_piece(piece, scratch);
            compound_folded.push_str(scratch);
            pos = emit_piece(scratch, piece[0].0, piece_end, pos, emit);
            continue;
        }
        let segments: Vec<&[(usize, char)]> = piece.split(|&(_, c)| c == '.' || c == ',').collect();
        let is_abbrev = segments.len() >= 2
            && piece.iter().all(|&(_, c)| c != ',')
            && segments.iter().all(|s| s.iter().filter(|&&(_, c)| c.is_alphabetic()).count() == 1 && s.iter().all(|&(_, c)| !c.is_numeric()));
        let is_number = segments.iter().all(|s| s.iter().all(|&(_, c)| c.is_numeric()));
        if is_abbrev {
            scratch.clear();
            fold_piece(&piece.iter().filter(|&&(_, c)| c != '.').copied().collect::<Vec<_>>(), scratch);
            compound_folded.push_str(scratch);
            // Include the closing dot of "U.N." in the highlighted range.
            let mut e = piece_end;
            if b == word.len() && text[e..].starts_with('.') {
                e += 1;
            }
            pos = emit_piece(scratch, piece[0].0, e, pos, emit);
        } else if is_number {
            scratch.clear();
            for &(_, c) in piece {
                match c {
                    ',' => {}
                    '.' => scratch.push('.'),
                    c => fold_char(c, scratch),
                }
            }
            compound_folded.extend(scratch.chars().filter(|&c| c != '.'));
            pos = emit_piece(scratch, piece[0].0, piece_end, pos, emit);
        } else {
            compound_ok = false;
            let mut k = 0;
            for seg in segments {
                let seg_start = k;
                k += seg.len() + 1;
                if seg.is_empty() {
                    continue;
                }
                let seg_end = if seg_start + seg.len() < piece.len() { piece[seg_start + seg.len()].0 } else { piece_end };
                scratch.clear();
                fold_piece(seg, scratch);
                pos = emit_piece(scratch, seg[0].0, seg_end, pos, emit);
            }
        }
    }
    if compound_ok && pos > first_pos + 1 && !compound_folded.is_empty() {
        emit(RawToken { start: word[0].0, end, folded: &compound_folded, pos: first_pos, compound: true });
    }
    pos
}

/// Folds a piece without hyphens or dots into `out`; drops a possessive `'s`.
fn fold_piece(piece: &[(usize, char)], out: &mut String) {
    let mut chars: &[(usize, char)] = piece;
    if chars.len() >= 3 {
        let n = chars.len();
        if is_apostrophe(chars[n - 2].1) && (chars[n - 1].1 == 's' || chars[n - 1].1 == 'S') {
            chars = &chars[..n - 2];
        }
    }
    for &(_, c) in chars {
        fold_char(c, out);
    }
}

fn emit_piece(folded: &str, start: usize, end: usize, pos: u32, emit: &mut impl FnMut(RawToken)) -> u32 {
    if folded.is_empty() {
        return pos;
    }
    emit(RawToken { start, end, folded, pos, compound: false });
    pos + 1
}

/// Optimal-string-alignment distance (adjacent transpositions count 1), or `None` when it
/// exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() && a.len() < 48 && b.len() < 48 {
        return osa(a.as_bytes(), b.as_bytes(), max);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa(&a, &b, max)
}

fn osa<T: Eq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    // Three rows; on the stack for short words.
    let mut stack = [0usize; 3 * 48];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if 3 * w <= stack.len() {
        &mut stack[..3 * w]
    } else {
        heap.resize(3 * w, 0);
        &mut heap
    };
    let (mut r2, mut r1, mut r0) = (0, w, 2 * w); // prev2, prev, cur offsets
    for j in 0..w {
        rows[r1 + j] = j;
    }
    for i in 1..=a.len() {
        rows[r0] = i;
        let mut row_min = i;
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[r1 + j] + 1).min(rows[r0 + j - 1] + 1).min(rows[r1 + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[r2 + j - 2] + 1);
            }
            rows[r0 + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        (r2, r1, r0) = (r1, r0, r2);
    }
    let d = rows[r1 + b.len()];
    (d <= max).then_some(d)
}

/// How many typos a query term of this many chars tolerates.
pub fn typo_budget(term: &str) -> usize {
    if term.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    match term.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn folding_and_shapes() {
        assert_eq!(terms("Ersin Çelik"), ["ersin", "celik"]);
        assert_eq!(terms("we’ve"), terms("we've"));
        assert_eq!(terms("al-Haj"), ["al", "haj", "alhaj"]);
        assert_eq!(terms("U.N. office"), terms("UN office"));
        assert_eq!(terms("413 and 1,000 or 3.5"), ["413", "and", "1000", "or", "3.5"]);
        assert_eq!(terms("defence"), terms("defense"));
        assert_eq!(terms("neighbourhoods"), terms("neighborhood"));
        assert_eq!(terms("travelled"), terms("traveled"));
        assert_eq!(terms("centre"), terms("center"));
        assert_eq!(terms("organised"), terms("organized"));
        assert_eq!(terms("analyse"), terms("analyze"));
        assert_eq!(terms("catalogue"), terms("catalog"));
        assert_eq!(terms("colour"), terms("color"));
        assert_ne!(terms("hour"), terms("hor"));
        assert_eq!(terms("Assad’s forces"), terms("Assad forces"));
        assert_eq!(terms("Aleppo.The"), ["aleppo", "the"]);
    }

    #[test]
    fn token_spans() {
        let t = "The U.N. said: al-Haj’s 1,000 men.";
        for tok in tokenize(t) {
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
            assert_eq!(token_end_at(t, tok.start, &tok.term), tok.end, "{tok:?}");
        }
        let un = tokenize(t).into_iter().find(|x| x.term == "un").unwrap();
        assert_eq!(&t[un.start..un.end], "U.N.");
    }

    /// The fold this module had with `unicode-normalization` (NFKD), for comparison.
    fn nfkd_fold(c: char) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        if c.is_ascii() || is_apostrophe(c) {
            fold_char(c, &mut out);
            return out;
        }
        for d in std::iter::once(c).nfkd() {
            if unicode_normalization::char::is_combining_mark(d) {
                continue;
            }
            match d {
                'ß' | 'ẞ' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
                'ł' | 'Ł' => out.push('l'),
                'þ' | 'Þ' => out.push_str("th"),
                'ı' => out.push('i'),
                'ŀ' | 'Ŀ' => out.push('l'),
                d if d.is_alphanumeric() => out.extend(d.to_lowercase()),
                _ => {}
            }
        }
        out
    }

    /// The table fold equals the NFKD fold on every char of Latin (Latin-1 Supplement, Extended-A,
    /// -B, Additional incl. Vietnamese), combining diacritics, IPA, Greek (and Extended), Cyrillic,
    /// the Latin ligatures, fullwidth ASCII and Hangul syllables; combining marks are the same
    /// everywhere. Elsewhere (circled and mathematical letters, CJK compatibility ideographs,
    /// Arabic presentation forms, …) the fold is the char lower-cased, not decomposed.
    #[test]
    fn fold_equals_nfkd_fold_on_covered_ranges() {
        let ranges = [(0x80, 0x4FF), (0x1E00, 0x1FFF), (0xFB00, 0xFB06), (0xFF01, 0xFF5E), (0xAC00, 0xD7A3)];
        let mut n = 0;
        for (lo, hi) in ranges {
            for c in (lo..=hi).filter_map(char::from_u32) {
                let mut new = String::new();
                fold_char(c, &mut new);
                assert_eq!(new, nfkd_fold(c), "U+{:04X} {c}", c as u32);
                n += 1;
            }
        }
        assert!(n > 12_000);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
        }
        assert_eq!(fold("Ｃafé ﬁnal Straße Łódź Nguyễn ǅ Ἀθῆναι Ёлка"), "cafefinalstrasselodznguyendzαθηναιелка");
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("egelund", "egeland", 1), Some(1));
        assert_eq!(edit_distance("aleppo", "aelppo", 1), Some(1));
        assert_eq!(edit_distance("aleppo", "mosul", 2), None);
    }
}
