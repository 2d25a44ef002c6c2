//! Attribution: who said each quotation of an article.
//!
//! Blocks are read in order, sentence by sentence. For each quotation the rules look for a
//! reporting verb (a cue) in the same sentence: after the quotation (`“…,” he said`,
//! `“…,” said X`, `“…,” X, role, told`) or before it (`X said: “…”`, `He adds, “…”`,
//! `X described it as “…”`). Whole-sentence quotations prefer a cue after them, fragments a cue
//! before them. The subject of the cue is read as a noun phrase: a name (with titles and a
//! role in front, or an appositive role after a comma), a description ("a Syrian official"),
//! or a pronoun, resolved to the latest compatible person or organisation seen as a subject.
//! A quotation with no cue continues the paragraph's speaker, or the previous paragraph's when
//! it opens its paragraph.

use super::detect::{self, Mark};
use super::lex::{self, Kind, Tok};
use super::words::*;
use super::{name_key, ArticleQuote, QuoteKind, SpeakerKind, SpeakerRef};
use crate::model::{Article, BlockKind, Span};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

#[derive(Debug)]
struct Entity {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
    gender: Gender,
    plural: bool,
    /// Byte offset of the latest mention.
    last: usize,
}

/// A name printed in the article, with the titles or role words just before it.
#[derive(Debug)]
struct Known {
    name: String,
    key: String,
    role: Option<String>,
    org: bool,
    pos: usize,
    /// A one-word name opening its sentence ("Speaking", "Much", "Perhaps" look the same).
    initial: bool,
}

/// A subject noun phrase.
#[derive(Clone, Debug)]
enum Np {
    Pronoun { word: String, span: Span },
    Named { name: String, span: Span, role: Option<String>, org: bool, gender: Gender },
    Unnamed { text: String, span: Span, org: bool, plural: bool, gender: Gender, document: bool },
}

impl Np {
    fn span(&self) -> Span {
        match self {
            Np::Pronoun { span, .. } | Np::Named { span, .. } | Np::Unnamed { span, .. } => *span,
        }
    }
    /// An appositive role ("Name, spokesman for …,") is more telling than a title before the name.
    fn set_role(&mut self, r: Option<String>) {
        if let (Np::Named { role, .. }, Some(x)) = (&mut *self, r) {
            let t = trim_role(&x);
            if !t.is_empty() {
                *role = Some(t.to_string());
            }
        }
    }
}

/// A resolved attribution.
#[derive(Clone, Debug)]
struct Attr {
    entity: usize,
    mention: Option<Span>,
    role: Option<String>,
    cue: Option<String>,
}

/// A cue found in a sentence: where, what it says, and how to find its speaker.
#[derive(Clone, Debug)]
struct Cue {
    text: String,
    participle: bool,
    report: bool,
    /// "X quoted Y as saying": the speaker follows the verb.
    object_speaker: bool,
    /// "according to X": the speaker follows "to".
    according: bool,
}

struct BlockToks {
    marks: Vec<Mark>,
    toks: Vec<Tok>,
    sents: Vec<(usize, usize)>,
}

struct Ctx<'a> {
    text: &'a str,
    known: Vec<Known>,
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// The block being read is a headline: title case makes every run look like a name.
    in_headline: bool,
}

fn is_headline_like(k: BlockKind) -> bool {
    matches!(k, BlockKind::Headline | BlockKind::Standfirst | BlockKind::Subheading)
}

fn scanned(k: BlockKind) -> bool {
    matches!(k, BlockKind::Paragraph | BlockKind::Caption | BlockKind::PullQuote) || is_headline_like(k)
}

pub(super) fn extract(article: &Article) -> Vec<ArticleQuote> {
    let text = article.text.as_str();
    let blocks = &article.blocks;
    // Single marks quote at the top level of the body only in articles that never use double marks.
    let body: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kind == BlockKind::Paragraph).collect();
    let single_style = !body.iter().any(|&i| detect::has_double(article.slice(blocks[i].span))) && body.iter().any(|&i| detect::has_single_opener(article.slice(blocks[i].span)));

    let mut per_block: Vec<Option<BlockToks>> = Vec::with_capacity(blocks.len());
    for b in blocks {
        let skip = !scanned(b.kind) || (b.duplicate_of.is_some() && b.kind == BlockKind::Caption);
        if skip {
            per_block.push(None);
            continue;
        }
        let single = single_style || b.kind != BlockKind::Paragraph;
        let marks = detect::scan(text, b.span, single);
        let mut toks = Vec::new();
        lex::tokenize(text, b.span.start as usize, b.span.end as usize, &marks, &mut toks);
        let mut sents = Vec::new();
        lex::sentences(text, &toks, &marks, &mut sents);
        per_block.push(Some(BlockToks { marks, toks, sents }));
    }

    // "Free Speech In Hong Kong, Then And Now" printed again as the first body line: a line
    // repeating a headline is a headline, whatever block it was read as.
    let headlines: Vec<&str> = blocks.iter().filter(|b| b.kind == BlockKind::Headline).map(|b| article.slice(b.span).trim()).filter(|h| !h.is_empty()).collect();
    let headline_block: Vec<bool> = blocks
        .iter()
        .map(|b| {
            let t = article.slice(b.span).trim();
            is_headline_like(b.kind) || headlines.iter().any(|h| h.len() == t.len() && h.eq_ignore_ascii_case(t))
        })
        .collect();

    let mut ctx = Ctx { text, known: Vec::new(), entities: Vec::new(), by_key: HashMap::new(), in_headline: false };
    // Headlines capitalise every word ("Committees Ask Bolton"): their runs are no names.
    for (bt, &hl) in per_block.iter().zip(&headline_block) {
        if let Some(bt) = bt.as_ref().filter(|_| !hl) {
            collect_names(&mut ctx, bt);
        }
    }

    let mut out: Vec<ArticleQuote> = Vec::new();
    let mut attrs: Vec<Option<Attr>> = Vec::new();
    // Per quote: a cue whose pronoun has no antecedent (`“No,” she said.` opening a text). The
    // quote is still speech and keeps its cue and mention; only the name is unknown.
    let mut unresolved_cues: Vec<Option<(Span, String)>> = Vec::new();
    let mut prev_para: Option<Attr> = None;
    let mut prev_unclosed: Option<Option<Attr>> = None;
    for (bi, b) in blocks.iter().enumerate() {
        let Some(bt) = &per_block[bi] else {
            if b.kind == BlockKind::Subheading || matches!(b.kind, BlockKind::Boilerplate(_)) {
                prev_unclosed = None;
            }
            continue;
        };
        if b.kind == BlockKind::PullQuote {
            let credit = [bi.wrapping_sub(1), bi + 1].into_iter().find(|&j| j < blocks.len() && blocks[j].kind == BlockKind::PullQuoteCredit);
            let attr = credit.and_then(|j| credit_speaker(&mut ctx, blocks[j].span));
            for m in &bt.marks {
                out.push(quote_of(bi, m, QuoteKind::PullQuote));
                unresolved_cues.push(None);
                attrs.push(attr.clone());
            }
            continue;
        }
        let headline = headline_block[bi];
        ctx.in_headline = headline;
        let paragraph = b.kind == BlockKind::Paragraph && !headline;
        let continuing = prev_unclosed.take().filter(|_| paragraph && detect::starts_with_open(text, b.span));
        let mut para_speaker: Option<Attr> = None;
        // `“Maybe,” he said. “Maybe, yes.”` with no antecedent for "he": the quotation after is
        // still the same unknown speaker's speech.
        let mut para_unresolved = false;
        let first_tok_is_quote = bt.toks.first().map_or(false, |t| t.quote().is_some());
        let last_quote_tok = bt.toks.iter().rposition(|t| t.quote().is_some());
        for &(s0, s1) in &bt.sents {
            let quotes: Vec<usize> = (s0..s1).filter(|&i| bt.toks[i].quote().is_some()).collect();
            let mut local: Vec<(usize, usize)> = Vec::new();
            // "Bryant tweeted a letter he wrote, saying …": the person opening the sentence is the
            // nearest antecedent of its pronouns. Only an antecedent here: not a speaker.
            let subjects = if quotes.is_empty() { Vec::new() } else { clause_subjects(&mut ctx, bt, s0, s1) };
            local.extend(subjects.iter().copied());
            let mut sentence_attr: Option<Attr> = None;
            for (n, &qt) in quotes.iter().enumerate() {
                let lo = if n == 0 { s0 } else { quotes[n - 1] + 1 };
                let hi = quotes.get(n + 1).copied().unwrap_or(s1);
                let m = bt.marks[bt.toks[qt].quote().unwrap()];
                let speech = speech_shaped(text, bt, qt, s0);
                let mut unresolved = None;
                let mut attr = find_attr(&mut ctx, bt, qt, lo, hi, s0, speech, &mut local, sentence_attr.as_ref(), &mut unresolved);
                if attr.is_none() && !headline && last_quote_tok == Some(qt) {
                    attr = dash_credit(&mut ctx, bt, qt);
                }
                if attr.is_none() && headline {
                    attr = colon_speaker(&mut ctx, bt, qt, s0);
                }
                let mut inherited = false;
                // `said the plan was "very soon" ready and would "bring clarity"`: a later fragment of
                // the sentence with no cue of its own is the same speaker's.
                // A new clause between them ("…, while his brother talked of …") may have a new speaker.
                let new_clause = n > 0 && (quotes[n - 1] + 1..qt).any(|i| bt.toks[i].is_punct(';') || is_word_where(text, &bt.toks, i, |x| matches!(x, "while" | "whereas" | "but" | "although" | "though")));
                if attr.is_none() && unresolved.is_none() && n > 0 && !new_clause && !speech && !headline && !scare_marked(text, bt, qt) {
                    if let Some(a) = &sentence_attr {
                        attr = Some(Attr { mention: None, cue: None, ..a.clone() });
                        inherited = true;
                    }
                }
                if attr.is_none() && (speech || m.unclosed) && !headline {
                    if qt == 0 && first_tok_is_quote {
                        if let Some(c) = &continuing {
                            attr = c.clone();
                        }
                    }
                    if attr.is_none() {
                        attr = para_speaker.clone().or_else(|| if qt == 0 && paragraph { prev_para.clone() } else { None });
                    }
                    if let Some(a) = &mut attr {
                        a.mention = None;
                        a.cue = None;
                        inherited = true;
                    }
                }
                let kind = if headline {
                    QuoteKind::Headline
                } else if speech && (attr.is_some() || unresolved.is_some() || para_unresolved && para_speaker.is_none() || word_count(&text[m.inner.range()]) > 3) {
                    QuoteKind::Speech
                } else if (attr.is_some() || unresolved.is_some()) && !scare_marked(text, bt, qt) {
                    QuoteKind::Fragment
                } else if long_sentence(&text[m.inner.range()]) && !scare_marked(text, bt, qt) {
                    attr = None;
                    unresolved = None;
                    QuoteKind::Speech
                } else {
                    attr = None;
                    unresolved = None;
                    QuoteKind::Scare
                };
                if let Some(a) = &attr {
                    if !inherited {
                        touch(&mut ctx, a.entity, m.open);
                    }
                    sentence_attr = Some(a.clone());
                    para_speaker = Some(a.clone());
                }
                if m.unclosed {
                    prev_unclosed = Some(attr.clone());
                }
                para_unresolved |= unresolved.is_some() && kind == QuoteKind::Speech;
                out.push(quote_of(bi, &m, kind));
                unresolved_cues.push(if attr.is_none() && !headline { unresolved } else { None });
                attrs.push(attr);
            }
            // The subjects went in first; what follows them are this sentence's attributions.
            local.drain(..subjects.len());
            // Subjects of this sentence become antecedents for later pronouns.
            for (e, pos, speaks) in register_sentence(&mut ctx, bt, s0, s1, &local) {
                let replace = para_speaker.as_ref().map_or(true, |p| p.entity != e);
                if speaks && replace && paragraph {
                    para_speaker = Some(Attr { entity: e, mention: None, role: None, cue: None });
                }
                touch(&mut ctx, e, pos);
            }
        }
        if paragraph {
            prev_para = para_speaker;
        } else if b.kind == BlockKind::Subheading {
            prev_para = None;
        }
    }

    link_repeats(text, &mut out, &mut attrs);

    out.into_iter()
        .zip(attrs)
        .zip(unresolved_cues)
        .map(|((mut q, a), pending)| {
            if let (None, Some((mention, cue))) = (&a, pending) {
                q.mention = Some(mention);
                q.cue = Some(cue);
            }
            if let Some(a) = a {
                let e = &ctx.entities[a.entity];
                q.speaker = Some(SpeakerRef { name: e.name.clone(), kind: e.kind });
                q.mention = a.mention;
                q.role = a.role.or_else(|| e.role.clone());
                q.cue = a.cue;
            }
            q
        })
        .collect()
}

fn quote_of(block: usize, m: &Mark, kind: QuoteKind) -> ArticleQuote {
    ArticleQuote { span: m.inner, block, speaker: None, mention: None, role: None, cue: None, kind, repeat_of: None }
}

/// A quotation of a dozen words or more that ends a sentence of its own is quoted speech or
/// writing wherever it stands ("Many posit that “At the end of it, … eroded.”"), never a label.
fn long_sentence(inner: &str) -> bool {
    word_count(inner) >= 12 && matches!(inner.trim_end().trim_end_matches(['’', '\'', '”', '"', ' ']).chars().last(), Some('.' | '!' | '?' | '…'))
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn w<'t>(text: &'t str, t: &Tok) -> &'t str {
    &text[t.start..t.end]
}

fn is_word_where(text: &str, toks: &[Tok], i: usize, f: impl Fn(&str) -> bool) -> bool {
    toks.get(i).map_or(false, |t| t.is_word() && f(w(text, t)))
}

fn touch(ctx: &mut Ctx, e: usize, pos: usize) {
    if ctx.entities[e].last < pos {
        ctx.entities[e].last = pos;
    }
}

/// A quotation that stands as its own sentence (or is introduced by a cue and a comma or colon).
fn speech_shaped(text: &str, bt: &BlockToks, qt: usize, s0: usize) -> bool {
    let m = bt.marks[bt.toks[qt].quote().unwrap()];
    let inner = &text[m.inner.range()];
    let upper = inner.chars().find(|c| c.is_alphanumeric()).map_or(false, |c| c.is_uppercase() || c.is_numeric());
    if qt == s0 {
        return true;
    }
    let prev = bt.toks[qt - 1];
    match prev.kind {
        Kind::Punct(':') => true,
        // `according to X, "all bridges will close at 6 p.m."`: a whole clause set off by a
        // comma is speech even in lower case.
        Kind::Punct(',' | '—' | '–' | '-') => upper || word_count(inner) >= 4 && matches!(inner.trim_end().chars().last(), Some('.' | '!' | '?')),
        // `told "CNN Tonight"`: a short quotation right after "told" names the listener.
        // `A group called "Friends of the Park"`: the word must be used as a cue there.
        Kind::Word => upper && is_cue_word(w(text, &prev)) && !(is_told(w(text, &prev)) && word_count(inner) <= 4) && cue_at(text, &bt.toks, qt - 1, s0).is_some(),
        _ => false,
    }
}

fn is_told(x: &str) -> bool {
    matches!(x, "told" | "tells" | "tell" | "telling")
}

/// "so-called", "dubbed", "known as" before a fragment: a name in quotes, not speech.
/// So is a short quotation used as a modifier: the "zero-tolerance" policy.
fn scare_marked(text: &str, bt: &BlockToks, qt: usize) -> bool {
    if qt == 0 {
        return false;
    }
    let m = bt.marks[bt.toks[qt].quote().unwrap()];
    let inner = &text[m.inner.range()];
    let modifier = word_count(inner) <= 3
        && !inner.ends_with(|c: char| !c.is_alphanumeric())
        && is_word_where(text, &bt.toks, qt - 1, |p| p.starts_with(char::is_lowercase) && is_determiner(p))
        && !(qt >= 2 && is_word_where(text, &bt.toks, qt - 2, is_cue_word))
        && is_word_where(text, &bt.toks, qt + 1, |n| n.starts_with(char::is_lowercase) && !n.ends_with("ing") && !is_clause_break(n) && !is_preposition(n) && !is_cue_word(n) && !is_adverb(n));
    // `told "CNN Tonight"`, `told ABC's "This Week."`, `told Fox News' "Fox and Friends."`: the show.
    let toks = &bt.toks;
    let mut k = qt;
    while k > 0 && qt - k < 5 && (toks[k - 1].is_punct('\'') || toks[k - 1].is_punct('’') || is_word_where(text, toks, k - 1, |x| is_capitalized(x) || is_acronym(x))) {
        k -= 1;
    }
    let told_show = k < qt && is_word_where(text, toks, qt - 1, |x| is_possessive(x)) || toks[qt - 1].is_punct('\'') || toks[qt - 1].is_punct('’');
    let after_told = k > 0 && is_word_where(text, toks, k - 1, is_told) && (k == qt || told_show);
    // `said on "Fox News Sunday."`, `on ABC's "This Week."`: a title-cased name after "on" is a show.
    let on_show = k > 0 && is_word_where(text, toks, k - 1, |x| x == "on" || x == "appearing") && (k == qt || told_show) && title_cased(inner);
    if modifier || (after_told || on_show) && word_count(inner) <= 4 {
        return true;
    }
    let p = w(text, &bt.toks[qt - 1]);
    let mut buf = [0u8; 32];
    match lower(p, &mut buf) {
        "so-called" | "dubbed" | "nicknamed" | "termed" | "labeled" | "labelled" | "branded" | "titled" | "named" | "name" | "nickname" | "moniker" | "word" | "term" | "phrase" | "hashtag" | "slogan" => true,
        // "known as", "referred to as", "billed as" — not "described it as".
        "as" => qt >= 2 && is_word_where(text, &bt.toks, qt - 2, |x| matches!(x, "known" | "to" | "billed" | "styled" | "branded" | "marketed")),
        _ => false,
    }
}

/// "Meet the Press", "State of the Union.": every word capitalised but short function words.
fn title_cased(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().map(|x| x.trim_matches(|c: char| !c.is_alphanumeric())).filter(|x| !x.is_empty()).collect();
    !words.is_empty() && words[0].starts_with(|c: char| c.is_uppercase() || c.is_numeric()) && words.iter().all(|x| x.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || matches!(*x, "the" | "of" | "and" | "a" | "an" | "in" | "on" | "with" | "for" | "to" | "at"))
}

/// The cue at token `i`, if the word there is used as a reporting verb.
fn cue_at(text: &str, toks: &[Tok], i: usize, lo: usize) -> Option<Cue> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let word = w(text, t);
    if !is_cue_word(word) {
        return phrasal_cue(text, toks, i, lo);
    }
    // "Omar Said", "Edward Said": a capitalised cue word after a capitalised word is a name.
    if word.starts_with(char::is_uppercase) && i > 0 && toks[i - 1].is_word() && is_capitalized(w(text, &toks[i - 1])) && !is_function_word(w(text, &toks[i - 1])) {
        return None;
    }
    let mut buf = [0u8; 32];
    let lw = lower(word, &mut buf).to_string();
    let prev = if i > lo { Some(&toks[i - 1]) } else { None };
    let prev_w = prev.filter(|p| p.is_word()).map(|p| w(text, p));
    let next_w = toks.get(i + 1).filter(|n| n.is_word()).map(|n| w(text, n));
    if is_noun_like_cue(word) && prev_w.map_or(false, |p| is_determiner(p) || is_preposition(p) || p.ends_with("’s") || p.ends_with("'s")) {
        return None;
    }
    // "her most recent remarks": a determiner, then an adjective, then the noun.
    let verb_next = toks.get(i + 1).map_or(true, |n| !n.is_word() || w(text, n) == "that");
    if is_noun_like_cue(word) && !verb_next && i >= lo + 2 && prev_w.map_or(false, |p| p.starts_with(char::is_lowercase) && !p.ends_with('s') && !is_pronoun(p) && !is_adverb(p) && !is_clause_break(p)) && is_word_where(text, toks, i - 2, |p| is_determiner(p) || p.ends_with("’s") || p.ends_with("'s")) {
        return None;
    }
    // "Rosen's alleged e-mail", "the reported attack": a participle used as an adjective.
    if lw.ends_with("ed") && prev_w.map_or(false, |p| is_determiner(p) || is_possessive(p)) && next_w.map_or(false, |n| n.starts_with(char::is_lowercase) && n != "that" && !is_preposition(n)) {
        return None;
    }
    // Passive: "was told", "were asked" — the subject heard, it did not speak.
    if prev_w.map_or(false, |p| {
        let mut b = [0u8; 32];
        matches!(lower(p, &mut b), "was" | "were" | "is" | "are" | "been" | "being" | "be" | "get" | "got")
    }) && lw != "quoted"
    {
        return None;
    }
    let mut c = Cue { text: word.to_string(), participle: is_participle_cue(word), report: is_report_cue(word), object_speaker: false, according: false };
    match lw.as_str() {
        "called" | "calls" | "calling" => {
            let n = next_w?;
            let mut b = [0u8; 32];
            let ln = lower(n, &mut b);
            if ln == "on" || ln == "for" {
                c.text = format!("{word} {n}");
            } else if !calls_it_quoted(text, toks, i, lo) {
                return None;
            }
        }
        // "charged that …": not "charged with a crime".
        "charged" | "charges" | "charging" => {
            if !next_w.map_or(false, |n| n == "that") {
                return None;
            }
        }
        "according" => {
            let n = next_w?;
            if !n.eq_ignore_ascii_case("to") {
                return None;
            }
            c.text = format!("{word} {n}");
            c.according = true;
        }
        "quoted" => {
            // "X quoted him as saying", "he was quoted as saying".
            if prev_w.map_or(false, |p| p.eq_ignore_ascii_case("was") || p.eq_ignore_ascii_case("were")) {
                c.text = "quoted as saying".into();
            } else {
                next_w?;
                c.object_speaker = true;
                c.text = "quoted as saying".into();
            }
        }
        "continued" | "continues" => {
            // Only "she continued, …" / "continued: …", not "fighting continued".
            let next = toks.get(i + 1);
            if !next.map_or(true, |n| matches!(n.kind, Kind::Punct(',' | ':' | '.') | Kind::Quote(_))) {
                return None;
            }
        }
        _ => {}
    }
    Some(c)
}

/// `Trump called the case “very sad”`, `calling limits “blatantly unconstitutional”`, `what she
/// called “the butchery”`: "call" with an object and then a quotation gives the subject's words.
/// Not "a group called “X”" (a name given) or "was called" (passive, refused by the caller).
fn calls_it_quoted(text: &str, toks: &[Tok], i: usize, lo: usize) -> bool {
    let subject_before = i == lo
        || toks[i - 1].is_punct(',')
        || is_word_where(text, toks, i - 1, |p| is_pronoun(p) || is_adverb(p) || matches!(p, "who" | "and" | "has" | "have" | "had") || is_capitalized(p) && !is_function_word(p) && !is_possessive(p));
    if !subject_before {
        return false;
    }
    // The object: a few words (no clause break, no cue), then the quotation.
    let mut j = i + 1;
    while j < toks.len() && j <= i + 16 {
        let t = toks[j];
        if t.quote().is_some() {
            // One quoted word ("reckless", "Disaster") stays a label, as elsewhere.
            return word_count(&text[t.start..t.end]) >= 2;
        }
        let ok = t.is_word() && { let x = w(text, &t); !is_clause_break(x) && !is_cue_word(x) } || t.is_punct('\'') || t.is_punct('’') || t.is_punct(',') && j > i + 1;
        if !ok {
            return false;
        }
        j += 1;
    }
    false
}

/// Reporting verbs that are cues only in one construction: "shot back", "fired back", "hit
/// back" (not "shot a man"), and "read"/"reads" with a document as subject ("the statement
/// read", "…,” reads a joint statement) — not "he read the book".
fn phrasal_cue(text: &str, toks: &[Tok], i: usize, lo: usize) -> Option<Cue> {
    let word = w(text, &toks[i]);
    let cue = |t: String| Cue { text: t, participle: false, report: false, object_speaker: false, according: false };
    match word {
        "shot" | "fired" | "hit" | "snapped" | "pushed" => {
            let next = toks.get(i + 1).filter(|n| n.is_word() && w(text, n) == "back")?;
            Some(cue(format!("{word} {}", w(text, next))))
        }
        // `“Why?” Hannity began.`: only after a name or pronoun and right before punctuation
        // ("the shelling began." is no cue).
        "began" | "begins" | "started" => {
            let subject = i > lo && is_word_where(text, toks, i - 1, |p| is_capitalized(p) && !is_function_word(p) || matches!(p, "he" | "she"));
            let ends = toks.get(i + 1).map_or(true, |n| matches!(n.kind, Kind::Punct('.' | ',' | ':') | Kind::Quote(_)));
            (subject && ends).then(|| cue(word.to_string()))
        }
        "read" | "reads" => {
            let prev_doc = i > lo && is_word_where(text, toks, i - 1, is_document_noun);
            // Inverted: only right after the quotation's comma, and the phrase after is a document.
            let inverted = (i == lo || toks[i - 1].is_punct(',')) && is_word_where(text, toks, i + 1, is_determiner) && (i + 2..toks.len().min(i + 7)).take_while(|&j| toks[j].is_word()).any(|j| is_document_noun(w(text, &toks[j])));
            (prev_doc || inverted).then(|| cue(word.to_string()))
        }
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn find_attr(ctx: &mut Ctx, bt: &BlockToks, qt: usize, lo: usize, hi: usize, s0: usize, speech: bool, local: &mut Vec<(usize, usize)>, sentence_attr: Option<&Attr>, unresolved: &mut Option<(Span, String)>) -> Option<Attr> {
    let text = ctx.text;
    let toks = &bt.toks;
    let m = bt.marks[toks[qt].quote().unwrap()];
    let inner = text[m.inner.range()].trim_end();
    let last = inner.chars().last();
    let next = toks.get(qt + 1).filter(|_| qt + 1 < hi);
    let ends_clause = matches!(last, Some(',' | '?' | '!' | '…' | '—' | '–' | '-' | ';'))
        || next.map_or(false, |n| matches!(n.kind, Kind::Punct(',' | '—' | '–')))
        || next.map_or(false, |n| n.is_word() && (is_pronoun(w(text, n)) || is_cue_word(w(text, n)) || matches!(w(text, n), "read" | "reads")) && w(text, n).starts_with(char::is_lowercase))
        // `“Why do you do this every time” Hannity began.`: a name and a cue, no comma.
        || (qt + 2..hi.min(qt + 5)).any(|k| (qt + 1..k).all(|j| toks[j].is_word() && is_capitalized(w(text, &toks[j])) && !is_function_word(w(text, &toks[j]))) && cue_at(text, toks, k, qt + 1).is_some());
    if let Some(np) = document_colon(text, toks, qt, lo) {
        let pos = np.span().start as usize;
        if let Some(e) = resolve(ctx, &np, pos, local) {
            local.push((e, pos));
            return Some(Attr { entity: e, mention: Some(np.span()), role: None, cue: None });
        }
    }
    let after = if ends_clause { cue_after(ctx, bt, qt, hi) } else { None };
    let before = cue_before(ctx, bt, qt, lo, s0, sentence_attr);
    // `Bloomberg asked her, "How's married life?" She responded …`: a question introduced by
    // its cue keeps that cue; the next sentence's verb belongs to the next sentence.
    let introduced = qt > lo && matches!(toks[qt - 1].kind, Kind::Punct(',' | ':')) && (qt.saturating_sub(5).max(lo)..qt).any(|i| cue_at(text, toks, i, lo).map_or(false, |c| !c.participle && !c.according));
    let question = matches!(last, Some('?' | '!')) && introduced && before.is_some();
    let (first, second) = if speech && !question { (after, before) } else { (before, after) };
    let chosen = match (first, second) {
        (Some(f), Some(s)) if f.0.report && !s.0.report => Some(s),
        (Some(f), _) => Some(f),
        (None, s) => s,
    };
    let (cue, np) = chosen?;
    if let Some(np) = np {
        let pos = np.span().start as usize;
        let Some(e) = resolve(ctx, &np, pos, local) else {
            if matches!(np, Np::Pronoun { .. }) {
                *unresolved = Some((np.span(), cue.text));
            }
            return None;
        };
        local.push((e, pos));
        let role = match &np {
            Np::Named { role, .. } => role.clone(),
            _ => None,
        };
        return Some(Attr { entity: e, mention: Some(np.span()), role, cue: Some(cue.text) });
    }
    // A participle cue with no subject of its own ("…, adding that …") continues the sentence's speaker.
    sentence_attr.map(|a| Attr { cue: Some(cue.text.clone()), ..a.clone() })
}

/// `responded to Rosen's e-mail: “…”`, `this statement from the candidate: “…”`: a colon right
/// after a document names its owner as the speaker.
fn document_colon(text: &str, toks: &[Tok], qt: usize, lo: usize) -> Option<Np> {
    if qt < lo + 2 || !toks[qt - 1].is_punct(':') || !is_word_where(text, toks, qt - 2, |x| x.starts_with(char::is_lowercase) && is_document_noun(x)) {
        // "a statement from the candidate:": the phrase after "from".
        let from = (qt.saturating_sub(7).max(lo)..qt.saturating_sub(1)).rev().find(|&k| is_word_where(text, toks, k, |x| x == "from"))?;
        if !toks[qt - 1].is_punct(':') || !is_word_where(text, toks, from - 1, |x| x.starts_with(char::is_lowercase) && is_document_noun(x)) || (from + 1..qt - 1).any(|k| !toks[k].is_word()) {
            return None;
        }
        return analyze_np(text, toks, from + 1, qt - 1).filter(|np| !matches!(np, Np::Unnamed { document: true, .. }));
    }
    // Back over lower-case modifiers ("alleged", "written") to the owner.
    let mut k = qt - 2;
    while k > lo && qt - k < 7 {
        k -= 1;
        let t = toks[k];
        if !t.is_word() {
            return None;
        }
        let x = w(text, &t);
        if matches!(x, "his" | "her" | "their" | "His" | "Her" | "Their") {
            let word = match x.to_lowercase().as_str() {
                "his" => "he",
                "her" => "she",
                _ => "they",
            };
            return Some(Np::Pronoun { word: word.into(), span: Span::new(t.start, t.end) });
        }
        if is_possessive(x) {
            let bare = x.strip_suffix("’s").or_else(|| x.strip_suffix("'s"))?;
            if !is_capitalized(bare) || is_function_word(bare) {
                return None;
            }
            let mut a = k;
            while a > lo && is_word_where(text, toks, a - 1, |p| is_capitalized(p) && !is_function_word(p)) {
                a -= 1;
            }
            let end = t.start + bare.len();
            let name = text[toks[a].start..end].to_string();
            let org = name.split_whitespace().any(is_org_word) || is_acronym(bare);
            return Some(Np::Named { name, span: Span::new(toks[a].start, end), role: None, org, gender: Gender::Unknown });
        }
        if !x.starts_with(char::is_lowercase) || is_clause_break(x) || is_preposition(x) || is_determiner(x) {
            return None;
        }
    }
    None
}

/// A cue after the quotation: `, he said`, `, said X`, `, X, role, told`, `, according to X`.
fn cue_after(ctx: &Ctx, bt: &BlockToks, qt: usize, hi: usize) -> Option<(Cue, Option<Np>)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut k = qt + 1;
    while k < hi && matches!(toks[k].kind, Kind::Punct(',' | '—' | '–' | '-')) {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    if let Some(c) = cue_at(text, toks, k, qt + 1) {
        // Inverted: "said X" / "according to X" / "adds X".
        let start = if c.according { k + 2 } else { k + 1 };
        let np = np_forward(text, toks, start, hi);
        if c.participle && np.is_none() {
            return Some((c, None));
        }
        return np.map(|n| (c, Some(n)));
    }
    // "X said" / "X, role, told": a noun phrase then the cue, nothing else between.
    let first = toks[k];
    if !first.is_word() {
        return None;
    }
    let fw = w(text, &first);
    if is_clause_break(fw) && !is_relative(fw) && !modal_name_at(text, toks, k) || is_preposition(fw) && !fw.starts_with(char::is_uppercase) || is_relative(fw) {
        return None;
    }
    let limit = hi.min(k + 40);
    let mut depth = 0i32;
    let mut commas = 0;
    // Inside a relative clause of an appositive ("X, a star who had been …, told"): verbs allowed.
    let mut relative = false;
    for c in k..limit {
        let t = toks[c];
        match t.kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') => depth -= 1,
            Kind::Punct(',') if depth == 0 => {
                commas += 1;
                relative = false;
            }
            // "Pelosi, D-Calif., said": the full stop of an abbreviation or a party tag ends nothing.
            Kind::Punct('.') if !(c > 0 && toks[c - 1].is_word() && (w(text, &toks[c - 1]).contains('.') || is_abbreviation(w(text, &toks[c - 1])) || w(text, &toks[c - 1]).chars().count() == 1 || is_party_tag_word(w(text, &toks[c - 1])))) => return None,
            Kind::Punct(';' | ':' | '!' | '?') => return None,
            Kind::Quote(_) => return None,
            _ => {}
        }
        if commas == 0 && c - k > 12 {
            return None;
        }
        if depth == 0 && t.is_word() {
            if let Some(cue) = cue_at(text, toks, c, k) {
                // `“…,” sounded open to a shutdown, saying`: a participle needs a finite verb before
                // it; the words between are a clause, not the speaker.
                if cue.participle && c > k {
                    return None;
                }
                if cue.object_speaker {
                    return np_forward(text, toks, c + 1, hi).map(|n| (cue, Some(n)));
                }
                let mut end = c;
                while end > k && toks[end - 1].is_word() && is_adverb(w(text, &toks[end - 1])) {
                    end -= 1;
                }
                let np = np_with_appositive(text, toks, k, end)?;
                return Some((cue, Some(np)));
            }
            if commas > 0 && is_relative(w(text, &t)) && !w(text, &t).eq_ignore_ascii_case("that") || relative && w(text, &t) == "that" {
                relative = true;
            } else if commas > 0 && w(text, &t) == "that" && is_word_where(text, toks, c - 1, |p| p.starts_with(char::is_lowercase)) {
                relative = true;
            }
            if c > k && is_clause_break(w(text, &t)) && !is_relative(w(text, &t)) && !relative && !modal_name_at(text, toks, c) {
                return None;
            }
        }
    }
    None
}

fn is_adverb(x: &str) -> bool {
    // Lower case only: "Theresa May said", "Will Hurd said" are names before a cue.
    is_adverb_or_aux(x) && x.starts_with(char::is_lowercase) || (x.len() > 4 && x.ends_with("ly") && x.starts_with(char::is_lowercase) && !is_ly_noun(x))
}

/// Nouns ending in "-ly" that a speaker's phrase can end with ("the family said").
fn is_ly_noun(x: &str) -> bool {
    matches!(x, "family" | "rally" | "assembly" | "supply" | "monopoly" | "anomaly" | "bully" | "reply" | "ally")
}

/// A noun phrase `[k, end)` read forwards: its first comma-chunk is the subject, a following
/// appositive chunk its role.
fn np_with_appositive(text: &str, toks: &[Tok], k: usize, end: usize) -> Option<Np> {
    if k >= end {
        return None;
    }
    let chunks = comma_chunks(text, toks, k, end);
    let (a, mut b) = chunks[0];
    // "Rep. Mikie Sherrill (D-NJ)": a parenthesis after the name is not part of it.
    if b > a + 1 && toks[b - 1].is_punct(')') {
        if let Some(p) = (a + 1..b - 1).rev().find(|&i| toks[i].is_punct('(')) {
            b = p;
        }
    }
    let mut np = analyze_np(text, toks, a, b)?;
    if let Some(&(ra, rb)) = chunks.get(1) {
        if looks_appositive(text, toks, ra, rb) {
            np.set_role(Some(span_text(text, toks, ra, rb)));
        }
    }
    Some(np)
}

/// Splits `[a, b)` at top-level commas, dropping empty chunks.
fn comma_chunks(_text: &str, toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut s = a;
    for i in a..b {
        match toks[i].kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') => depth -= 1,
            Kind::Punct(',') if depth <= 0 => {
                if i > s {
                    out.push((s, i));
                }
                s = i + 1;
            }
            _ => {}
        }
    }
    if b > s {
        out.push((s, b));
    }
    if out.is_empty() {
        out.push((a, b));
    }
    out
}

fn span_text(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text[toks[a].start..toks[b - 1].end].trim().to_string()
}

/// An appositive role chunk: "a teacher", "spokesman for …", "41" is not one, "who …" is not.
fn looks_appositive(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let t = toks[a];
    if !t.is_word() {
        return false;
    }
    let x = w(text, &t);
    if is_relative(x) || is_preposition(x) || is_clause_break(x) || x.chars().all(|c| c.is_numeric()) {
        return false;
    }
    // A role has a lower-case noun in it ("spokesman", "a teacher", "Aleppo resident").
    (a..b).any(|i| toks[i].is_word() && w(text, &toks[i]).starts_with(char::is_lowercase) && !is_preposition(w(text, &toks[i])))
        || is_determiner(x)
}

/// A noun phrase read forwards from `start` (after an inverted cue): a name or description,
/// then an optional appositive role.
fn np_forward(text: &str, toks: &[Tok], start: usize, hi: usize) -> Option<Np> {
    let mut i = start;
    let mut end = start;
    while i < hi {
        let t = toks[i];
        match t.kind {
            Kind::Word => {
                let x = w(text, &t);
                if i > start && (is_clause_break(x) || is_cue_word(x)) {
                    break;
                }
                // "her neighbour", "his lawyer": a possessive determiner, not the pronoun "her".
                let possessive_det = matches!(x, "her" | "Her") && toks.get(i + 1).map_or(false, |n| i + 1 < hi && n.is_word() && !is_clause_break(w(text, n)) && !is_cue_word(w(text, n)) && !is_preposition(w(text, n)) && !is_adverb(w(text, n)));
                if i == start && is_pronoun(x) && !possessive_det {
                    return Some(Np::Pronoun { word: x.to_lowercase(), span: Span::new(t.start, t.end) });
                }
                // "says Daniel Kurtz an infectious disease expert at …": a name, then its role
                // without the comma.
                if i > start + 1 && matches!(x, "a" | "an") && (start..i).all(|j| !toks[j].is_word() || is_capitalized(w(text, &toks[j]))) {
                    let mut np = analyze_np(text, toks, start, end)?;
                    if matches!(np, Np::Named { org: false, .. }) {
                        let rb = (i..hi.min(i + 12)).find(|&k| !toks[k].is_word() || is_preposition(w(text, &toks[k])) && w(text, &toks[k]) != "of").unwrap_or(hi.min(i + 12));
                        np.set_role(Some(span_text(text, toks, i, rb)));
                        return Some(np);
                    }
                    return None;
                }
                if is_preposition(x) {
                    // Inside an organisation name ("Committee of the Red Cross") or a role ("head of").
                    let next_cap = toks.get(i + 1).map_or(false, |n| n.is_word() && (is_capitalized(w(text, n)) || w(text, n).eq_ignore_ascii_case("the")));
                    let prev_cap = i > start && is_capitalized(w(text, &toks[i - 1])) && (is_org_word(w(text, &toks[i - 1])) || is_title(w(text, &toks[i - 1])));
                    // "a spokeswoman for the county", "a resident of the town": a description keeps its complement.
                    let description = i > start && (start..i).all(|j| !toks[j].is_word() || !is_preposition(w(text, &toks[j]))) && is_word_where(text, toks, start, |f| f.starts_with(char::is_lowercase) && is_determiner(f)) && is_word_where(text, toks, i - 1, |p| p.starts_with(char::is_lowercase));
                    let of_for = x.eq_ignore_ascii_case("of") || x.eq_ignore_ascii_case("for");
                    // "one Republican close to the White House": an adjective's complement.
                    let close_to = x == "to" && is_word_where(text, toks, i - 1, |p| matches!(p, "close" | "closer" | "loyal" | "friendly" | "opposed" | "sympathetic"));
                    if !(prev_cap && next_cap && of_for || description && of_for || close_to) {
                        break;
                    }
                }
                if i - start > 10 {
                    return None;
                }
                i += 1;
                end = i;
            }
            Kind::Punct('.') if i > start && { let p = w(text, &toks[i - 1]); p.contains('.') || is_abbreviation(p) || p.chars().count() == 1 } => {
                i += 1;
            }
            Kind::Punct('&' | '-') => i += 1,
            _ => break,
        }
    }
    if end == start {
        return None;
    }
    let mut np = analyze_np(text, toks, start, end)?;
    if end < hi && toks[end].is_punct(',') {
        // A role chunk after the name, up to the next comma or the sentence end.
        let ra = end + 1;
        let mut rb = ra;
        while rb < hi && !matches!(toks[rb].kind, Kind::Punct(',' | ';' | ':') | Kind::Quote(_)) {
            if toks[rb].is_punct('.') && !(rb + 1 < hi && toks[rb + 1].is_word() && w(text, &toks[rb - 1]).contains('.')) {
                break;
            }
            rb += 1;
        }
        // "According to Morris, the ad will make use of …": a clause with a verb of its own after
        // the name is the sentence going on, not an appositive role.
        let clause = (ra..rb).take_while(|&i| !(toks[i].is_word() && is_relative(w(text, &toks[i])))).any(|i| is_word_where(text, toks, i, is_finite_aux));
        if clause {
            return Some(np);
        }
        if rb > ra && looks_appositive(text, toks, ra, rb) && matches!(np, Np::Named { .. }) {
            np.set_role(Some(span_text(text, toks, ra, rb)));
        } else if rb > ra {
            // "said her neighbour, Tom Reed, 67", "said the company's chief executive, Mark Smith":
            // the name set off after a description is the speaker, the description its role.
            if let Some(name) = appositive_name(text, toks, ra, rb, &np) {
                return Some(name);
            }
        }
    }
    Some(np)
}

/// A personal name in `[a, b)` set off after a description `np` ("her lawyer, Jane Roe"):
/// the name, with the description as its role.
fn appositive_name(text: &str, toks: &[Tok], a: usize, b: usize, np: &Np) -> Option<Np> {
    let Np::Unnamed { text: desc, org: false, plural: false, document: false, .. } = np else {
        return None;
    };
    let words: Vec<usize> = (a..b).filter(|&i| toks[i].is_word()).collect();
    if words.is_empty() || words.len() > 5 || !words.iter().all(|&i| { let x = w(text, &toks[i]); (is_capitalized(x) || is_name_particle(x)) && !is_function_word(x) && !is_org_word(x) }) {
        return None;
    }
    let mut named = analyze_np(text, toks, a, b)?;
    if let Np::Named { org: false, role, gender: g, .. } = &mut named {
        let d = desc.split_whitespace().skip_while(|x| is_determiner(x) || is_possessive(x)).collect::<Vec<_>>().join(" ");
        if role.is_none() && !d.is_empty() {
            *role = Some(d.clone());
        }
        if *g == Gender::Unknown {
            // "his lawyer": the owner's pronoun says nothing of the lawyer.
            *g = if d.split_whitespace().any(is_male_word) {
                Gender::Male
            } else if d.split_whitespace().any(is_female_word) {
                Gender::Female
            } else {
                Gender::Unknown
            };
        }
        return Some(named);
    }
    None
}

/// A cue before the quotation in the same sentence: the nearest one.
fn cue_before(ctx: &Ctx, bt: &BlockToks, qt: usize, lo: usize, s0: usize, sentence_attr: Option<&Attr>) -> Option<(Cue, Option<Np>)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut i = qt;
    while i > lo {
        i -= 1;
        if let Some(c) = cue_at(text, toks, i, s0) {
            if c.according {
                let np = np_forward(text, toks, i + 2, qt);
                // "According to Morris, the ad makes use of “…”": the words between the name's comma
                // and the quotation are the sentence's own clause, not a role set off by commas.
                let end = np.as_ref().and_then(|n| (i + 2..qt).find(|&k| toks[k].start >= n.span().end as usize));
                if let Some(e) = end.filter(|&e| toks[e].is_punct(',') && !(e + 1..qt).any(|k| toks[k].is_punct(','))) {
                    if let Some(bare) = np_forward(text, toks, i + 2, e) {
                        return Some((c, Some(bare)));
                    }
                }
                return np.map(|n| (c, Some(n)));
            }
            if c.object_speaker {
                return np_forward(text, toks, i + 1, qt).map(|n| (c, Some(n)));
            }
            if c.participle {
                if sentence_attr.is_some() {
                    return Some((c, None));
                }
                // The clause's own cue earlier in the sentence ("X told AFP, adding that …").
                let mut j = i;
                while j > s0 {
                    j -= 1;
                    if toks[j].quote().is_some() {
                        break;
                    }
                    if let Some(c0) = cue_at(text, toks, j, s0) {
                        // "… the women who have accused him, noting that": a relative clause's verb
                        // is not the clause's own cue.
                        let mut r = j;
                        while r > s0 && is_word_where(text, toks, r - 1, is_adverb) {
                            r -= 1;
                        }
                        let relative = r > s0 && is_word_where(text, toks, r - 1, |p| matches!(p, "who" | "which" | "that" | "whom"));
                        // "As the Wire reported, the Democrats …, arguing": a leading adverbial clause
                        // has its own subject; a medium's "reported" is no speaker's cue.
                        let first_comma = (s0..i).find(|&k| toks[k].is_punct(','));
                        let adverbial = first_comma.map_or(false, |c1| j < c1 && is_adverbial(text, toks, s0, c1));
                        if !c0.participle && !relative && !adverbial && !c0.report {
                            if let Some(np) = subject_before(text, toks, s0, j) {
                                return Some((c, Some(np)));
                            }
                        }
                    }
                }
            }
            // "…, urging …", "took to Twitter to add …": the clause's subject speaks, unless the
            // phrase before is a document ("a statement saying").
            let infinitive = i > s0 && is_word_where(text, toks, i - 1, |p| p == "to");
            let np = match subject_before(text, toks, s0, i).map(|np| document_owner(text, toks, s0, np)) {
                Some(np) if (c.participle || infinitive) && !matches!(np, Np::Unnamed { document: true, .. } | Np::Pronoun { .. }) => nearest_clause_subject(text, toks, s0, i).or_else(|| leading_pronoun(text, toks, s0, i)).or(Some(np)),
                // "…, being acceptable to delegates, saying": no phrase fits right before the cue.
                // "…, by saying", "… while adding": the participle hangs on the clause's subject.
                None if c.participle && i > s0 && (toks[i - 1].is_punct(',') || is_word_where(text, toks, i - 1, |p| matches!(p, "by" | "while" | "when" | "before" | "after" | "without"))) => nearest_clause_subject(text, toks, s0, i).filter(|np| matches!(np, Np::Named { .. })).or_else(|| leading_pronoun(text, toks, s0, i)),
                np => np,
            };
            if np.is_some() {
                return Some((c, np));
            }
            // "Hale turned to an aide and asked, …": the subject of the first verb.
            if i > s0 + 1 && is_word_where(text, toks, i - 1, |p| matches!(p, "and" | "but" | "then")) {
                if let Some(np) = nearest_clause_subject(text, toks, s0, i - 1).or_else(|| leading_pronoun(text, toks, s0, i - 1)) {
                    return Some((c, Some(np)));
                }
            }
            // "…, said X, …, that" (inverted before the quote).
            if let Some(np) = np_forward(text, toks, i + 1, qt) {
                let time = matches!(&np, Np::Unnamed { text: t, .. } if t.rsplit(' ').next().map_or(false, is_time_noun));
                // Not after a participle: "…, calling limits on outside groups “…”" has an object there.
                if !matches!(np, Np::Pronoun { .. }) && !time && !c.participle && i > s0 && toks[i - 1].is_punct(',') {
                    return Some((c, Some(np)));
                }
            }
            return None;
        }
    }
    None
}

/// The subject of the clause that `limit` ends: "…, but Mr. Barr declined the offer, saying"
/// hangs on "Mr. Barr", not on the sentence's first subject.
fn nearest_clause_subject(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
    let boundary = (s0.max(limit.saturating_sub(60)) + 1..limit).rev().find(|&b| {
        toks[b - 1].is_punct(';') || b >= s0 + 2 && comma_before(text, toks, b - 1) && is_word_where(text, toks, b - 1, |x| matches!(x, "but" | "while" | "whereas" | "although" | "though" | "and"))
    });
    // "…, but expanded the Left's …": a clause with no subject of its own shares the sentence's.
    let has_subject = |b: usize| is_word_where(text, toks, b, |x| is_capitalized(x) || is_determiner(x) || is_possessive(x));
    if let Some(b) = boundary.filter(|&b| has_subject(b)) {
        if let Some(np) = clause_subject(text, toks, b, limit).filter(|np| matches!(np, Np::Named { .. } | Np::Unnamed { document: false, .. })) {
            return Some(np);
        }
    }
    clause_subject(text, toks, s0, limit)
}

/// A comma right before token `i`, on its own or closing the quotation there (`“Islam,” while`).
fn comma_before(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0 && (toks[i - 1].is_punct(',') || matches!(toks[i - 1].kind, Kind::Quote(_)) && text[toks[i - 1].start..toks[i - 1].end].trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',').ends_with(','))
}

/// "He wants …, saying": a subject pronoun opening the clause (after adverbial chunks).
fn leading_pronoun(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
    let mut a = s0;
    while let Some(c) = (a..limit).find(|&i| toks[i].is_punct(',')).filter(|&c| c - a <= 8 && is_adverbial(text, toks, a, c)) {
        a = c + 1;
    }
    let t = toks.get(a).filter(|t| a < limit && t.is_word())?;
    let x = w(text, t);
    let mut buf = [0u8; 32];
    matches!(lower(x, &mut buf), "he" | "she" | "they" | "it").then(|| Np::Pronoun { word: x.to_lowercase(), span: Span::new(t.start, t.end) })
}

/// "a statement saying …", "an online proposal calling for …": the speaker is who issued it,
/// the subject of the sentence.
fn document_owner(text: &str, toks: &[Tok], s0: usize, np: Np) -> Np {
    if let Np::Unnamed { document: true, span, .. } = &np {
        let before = toks.iter().position(|t| t.start == span.start as usize).unwrap_or(s0);
        if let Some(subj) = clause_subject(text, toks, s0, before) {
            if !matches!(subj, Np::Unnamed { document: true, .. }) {
                return subj;
            }
        }
    }
    np
}

/// The subject of the cue at token `cue`, read backwards from it within `[lo, cue)`.
fn subject_before(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Np> {
    let mut j = cue;
    while j > lo && toks[j - 1].is_word() && is_adverb(w(text, &toks[j - 1])) {
        j -= 1;
    }
    // "Mr. Obama last week warned", "Smith on Tuesday said": a time phrase between subject and cue.
    if j >= lo + 3 && is_word_where(text, toks, j - 1, |x| is_time_noun(x) || is_weekday(x)) && is_word_where(text, toks, j - 2, |x| matches!(x, "last" | "this" | "next" | "on" | "that" | "earlier" | "later")) {
        j -= 2;
    } else if j >= lo + 2 && is_word_where(text, toks, j - 1, |x| is_weekday(x) || matches!(x, "yesterday" | "today" | "Yesterday" | "Today")) && is_word_where(text, toks, j - 2, |p| is_capitalized(p) && !is_function_word(p)) {
        j -= 1;
    }
    if j == lo {
        return None;
    }
    let t = toks[j - 1];
    if t.is_word() {
        let x = w(text, &t);
        if x.eq_ignore_ascii_case("who") && j >= 2 {
            // "a woman who posted": the phrase before "who" — the nearest one ("the mindset of
            // a producer who says" is the producer), unless that is an organisation.
            if let Some(k) = np_start(text, toks, lo, j - 1) {
                let near = (k..j - 1).rev().find(|&d| is_word_where(text, toks, d, is_determiner) && d > k && is_word_where(text, toks, d - 1, is_preposition));
                let short = near.and_then(|d| analyze_np(text, toks, d, j - 1)).filter(|np| !matches!(np, Np::Named { org: true, .. } | Np::Unnamed { org: true, .. }));
                if let Some(np) = short.or_else(|| analyze_np(text, toks, k, j - 1)) {
                    return Some(np);
                }
            }
        }
        if is_pronoun(x) || x.eq_ignore_ascii_case("who") {
            return Some(Np::Pronoun { word: x.to_lowercase(), span: Span::new(t.start, t.end) });
        }
        let k = np_start(text, toks, lo, j)?;
        // "an FBI agent making the request said": the phrase after a participle is its object.
        if k >= lo + 2 && is_word_where(text, toks, k - 1, |x| x.len() > 5 && x.ends_with("ing") && x.starts_with(char::is_lowercase) && !is_cue_word(x)) && is_word_where(text, toks, k - 2, |p| !is_determiner(p) && !is_preposition(p) && !is_adverb(p) && !is_clause_break(p) && !is_pronoun(p)) {
            if let Some(np) = np_start(text, toks, lo, k - 1).and_then(|k2| analyze_np(text, toks, k2, k - 1)) {
                return Some(np);
            }
        }
        let np = analyze_np(text, toks, k, j)?;
        // "Name, an employee of the X Council says": the phrase is an appositive; the name precedes it.
        // "…, as the president walked through the Capitol, a protester yelled": not an appositive.
        let clause_before = k > lo && {
            let (ca, cb) = *comma_chunks(text, toks, lo, k - 1).last().unwrap_or(&(lo, lo));
            cb > ca && toks[ca].is_word() && (is_clause_break(w(text, &toks[ca])) || is_adverbial(text, toks, ca, cb))
        };
        if k > lo && toks[k - 1].is_punct(',') && !clause_before && !matches!(np, Np::Named { org: false, .. }) && looks_appositive(text, toks, k, j) {
            if let Some(mut subj) = appositive_subject(text, toks, lo, k - 1) {
                if matches!(subj, Np::Named { .. }) {
                    subj.set_role(Some(span_text(text, toks, k, j)));
                    return Some(subj);
                }
            }
        }
        return Some(np);
    }
    if t.is_punct(',') {
        return appositive_subject(text, toks, lo, j - 1);
    }
    if t.is_punct(')') {
        // "X (role) said"
        let mut d = j - 1;
        while d > lo && !toks[d].is_punct('(') {
            d -= 1;
        }
        if d > lo {
            let k = np_start(text, toks, lo, d)?;
            return analyze_np(text, toks, k, d);
        }
    }
    None
}

/// `Name, role, … ,` before a cue: the first chunk that is not an appositive is the subject.
fn appositive_subject(text: &str, toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
    let chunks = comma_chunks(text, toks, lo, comma);
    let mut role: Option<String> = None;
    for ci in (0..chunks.len()).rev() {
        let (a, b) = chunks[ci];
        let x = w(text, &toks[a]);
        if toks[a].is_word() && is_relative(x) {
            continue;
        }
        if (a..b).all(|i| !toks[i].is_word() || w(text, &toks[i]).chars().all(|c| c.is_numeric())) {
            continue; // an age: "Khaled, 41,"
        }
        if is_party_tag(text, toks, a, b) {
            continue; // "Sen. Dick Durbin, D-Ill.,"
        }
        if ci > 0 && is_word_where(text, toks, a, |x| x.len() > 5 && x.starts_with(char::is_lowercase) && x.ends_with("ing")) {
            continue; // "Mr. Trump, speaking to reporters in Florida, said"
        }
        let left_adverbial = ci == 0 || is_adverbial(text, toks, chunks[ci - 1].0, chunks[ci - 1].1);
        if looks_appositive(text, toks, a, b) && !left_adverbial && !has_name_head(text, toks, a, b) {
            role = Some(span_text(text, toks, a, b));
            continue;
        }
        // Cut a relative clause: "an activist who appeared with …", or a participle after the
        // noun: "an FBI agent making the request".
        let participle = |i: usize| is_word_where(text, toks, i, |x| x.len() > 5 && x.ends_with("ing") && x.starts_with(char::is_lowercase)) && is_word_where(text, toks, i - 1, |p| !is_determiner(p) && !is_adverb(p) && !is_preposition(p));
        let cut = (a..b).find(|&i| i > a && toks[i].is_word() && (is_relative(w(text, &toks[i])) || participle(i))).unwrap_or(b);
        let k = np_start(text, toks, a, cut)?;
        let mut np = analyze_np(text, toks, k, cut)?;
        np.set_role(role);
        return Some(np);
    }
    None
}

/// A party and state tag after a politician's name: "D-Ill.", "R-Texas", "I-Vt".
fn is_party_tag(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).filter(|&i| toks[i].is_word()).map(|i| w(text, &toks[i])).collect();
    words.len() == 1 && is_party_tag_word(words[0])
}

/// "Theresa May", "Mrs May", "Will Hurd": a capitalised modal next to a name word is a name.
/// "In May Trump said" is a month: "May" counts only after a name word, "Will" also before one.
fn modal_name_at(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.is_word()) else { return false };
    let x = w(text, t);
    if x != "May" && x != "Will" {
        return false;
    }
    let name_word = |y: &str| is_capitalized(y) && (!is_function_word(y) || is_honorific(y));
    let after_name = i > 0 && is_word_where(text, toks, i - 1, |p| name_word(p) && !is_possessive(p));
    let before_name = x == "Will" && is_word_where(text, toks, i + 1, |n| name_word(n) && !is_title(n) && !is_function_word(n));
    after_name || before_name
}

fn is_party_tag_word(x: &str) -> bool {
    ["D-", "R-", "I-"].iter().any(|p| x.strip_prefix(p).map_or(false, |r| r.starts_with(char::is_uppercase)))
}

fn has_name_head(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let last = (a..b).rev().find(|&i| toks[i].is_word());
    last.map_or(false, |i| {
        let x = w(text, &toks[i]);
        is_capitalized(x) && !is_function_word(x) && !is_title(x) && (a..i).all(|j| !toks[j].is_word() || !is_preposition(w(text, &toks[j])))
    })
}

/// A leading adverbial chunk: "In a statement", "Meanwhile", "On Tuesday".
fn is_adverbial(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let t = toks[a];
    if !t.is_word() {
        return false;
    }
    let x = w(text, &t);
    (is_preposition(x) || is_function_word(x) && !is_determiner(x) && !is_honorific(x) && !is_pronoun(x)) || (b - a == 1 && is_adverb(&x.to_lowercase()))
}

/// Where the noun phrase ending at `j` starts (walking back over names, nouns and
/// prepositional phrases inside it; stopping at a determiner, a clause break or punctuation).
fn np_start(text: &str, toks: &[Tok], lo: usize, j: usize) -> Option<usize> {
    let mut k = j;
    let mut count = 0;
    while k > lo {
        let t = toks[k - 1];
        match t.kind {
            Kind::Word => {
                let x = w(text, &t);
                let sentence_initial_cap = x.starts_with(char::is_uppercase);
                // "… came after House Speaker Nancy Pelosi complained": a subordinate clause starts.
                let subordinator = k < j && matches!(x, "after" | "before" | "since");
                if (is_clause_break(x) && !(sentence_initial_cap && k - 1 > lo && !is_function_word(x)) && !modal_name_at(text, toks, k - 1)) || is_pronoun(x) || subordinator {
                    // "said he hopes Pence is": after a subject pronoun comes its verb, not a role.
                    if matches!(x, "he" | "she" | "they" | "we" | "I" | "you" | "it" | "He" | "She" | "They" | "We" | "You" | "It") {
                        while k < j && is_word_where(text, toks, k, |y| y.starts_with(char::is_lowercase)) && (k..j).any(|m| is_word_where(text, toks, m, is_capitalized)) {
                            k += 1;
                        }
                    }
                    break;
                }
                if k < j && cue_at(text, toks, k - 1, lo).is_some() && !is_noun_like_cue(x) {
                    break;
                }
                // "a report, which cited unnamed sources claiming": the relative clause's verb.
                if k < j && x.ends_with("ed") && x.starts_with(char::is_lowercase) && k >= 2 && is_word_where(text, toks, k - 2, |p| matches!(p, "which" | "who" | "that")) {
                    break;
                }
                k -= 1;
                count += 1;
                if count > 16 {
                    return None;
                }
                if is_determiner(x) {
                    let after_prep = k > lo && toks[k - 1].is_word() && is_preposition(w(text, &toks[k - 1]));
                    if !after_prep {
                        break;
                    }
                }
            }
            Kind::Punct('.') if k >= 2 && toks[k - 2].is_word() && {
                let p = w(text, &toks[k - 2]);
                p.contains('.') || is_abbreviation(p) || p.chars().count() == 1
            } && k < j =>
            {
                k -= 1
            }
            Kind::Punct('&') => k -= 1,
            _ => break,
        }
    }
    // Drop leading prepositions and connectives left at the phrase start.
    while k < j && toks[k].is_word() && {
        let x = w(text, &toks[k]);
        (is_preposition(x) || is_function_word(x) && !is_determiner(x)) && !is_honorific(x)
    } {
        k += 1;
    }
    // "last month Attorney General X", "earlier this year Sen. X", "in 2016 Gov. X": a time
    // phrase before a title or name is no part of the role.
    let mut t = k;
    let mut saw_time = false;
    while t + 1 < j && t < k + 5 && toks[t].is_word() {
        let x = w(text, &toks[t]);
        if (is_time_noun(x) && x.starts_with(char::is_lowercase)) || is_weekday(x) || is_month_word(x) || is_year_word(x) {
            saw_time = true;
        } else if !matches!(x, "last" | "this" | "next" | "earlier" | "later" | "early" | "late" | "on" | "in" | "that" | "ago" | "since" | "Last" | "This" | "Earlier" | "Later" | "On" | "In") {
            break;
        }
        t += 1;
    }
    if saw_time && (t..j).any(|i| is_word_where(text, toks, i, |x| is_capitalized(x) && !is_function_word(x))) {
        k = t;
    }
    (k < j).then_some(k)
}

/// A word of a scraped photo credit ("Getty Images", "AP Photo", "/AFP", "/Reuters"): never
/// part of a person's name, so a credit glued to a headline does not fuse into the name after it.
fn credit_word(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.is_word()) else { return false };
    let x = w(text, t);
    let after_slash = i > 0 && toks[i - 1].is_punct('/');
    matches!(x, "Images" | "Photo" | "Photos" | "Pictures" | "Photography") || after_slash && matches!(x, "AFP" | "Getty" | "Reuters" | "AP" | "EPA" | "Bloomberg" | "Pool")
}

/// Token `i` opens the photographer's name of a credit: "AP Photo/Evan Rudd", "Getty Images/Jo Lee".
fn after_credit(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2 && toks[i - 1].is_punct('/') && credit_word(text, toks, i - 2)
}

/// A finite auxiliary or modal verb: a clause, never a noun phrase, has one.
fn is_finite_aux(x: &str) -> bool {
    matches!(x, "will" | "would" | "can" | "could" | "should" | "must" | "might" | "shall" | "is" | "are" | "was" | "were" | "has" | "have" | "had" | "does" | "did" | "won't" | "can't" | "isn't" | "wasn't")
}

/// A month name (not "May", which is also a name and a modal).
fn is_month_word(x: &str) -> bool {
    matches!(x, "January" | "February" | "March" | "April" | "June" | "July" | "August" | "September" | "October" | "November" | "December")
}

/// A year: "2016", "1998".
fn is_year_word(x: &str) -> bool {
    x.len() == 4 && x.bytes().all(|b| b.is_ascii_digit()) && (x.starts_with("19") || x.starts_with("20"))
}

/// The subject of the clause starting at `s0` (after leading adverbial chunks), read forwards.
fn clause_subject(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
    let mut a = s0;
    // Skip "On Wednesday," / "In a statement on Friday," chunks.
    loop {
        let comma = (a..limit.min(a + 9)).find(|&i| toks[i].is_punct(','));
        match comma {
            Some(c) if c - a <= 8 && is_adverbial(text, toks, a, c) => a = c + 1,
            _ => break,
        }
    }
    let mut e = a;
    while e < limit {
        let t = toks[e];
        if !t.is_word() {
            if t.is_punct('.') && e > a && { let p = w(text, &toks[e - 1]); p.contains('.') || is_abbreviation(p) || middle_initial(text, toks, e) } {
                e += 1;
                continue;
            }
            break;
        }
        let x = w(text, &t);
        // A capitalised "Said" or "Will" after a name is part of it.
        let name_part = e > a && x.starts_with(char::is_uppercase) && is_word_where(text, toks, e - 1, |p| is_capitalized(p) && !is_function_word(p));
        if e > a && !name_part && (is_clause_break(x) || is_adverb(x) || cue_at(text, toks, e, a).is_some() || is_preposition(x) && !name_connector(text, toks, e)) {
            break;
        }
        if e == a && is_pronoun(x) && !matches!(x, "Her" | "her") {
            return None;
        }
        if x.starts_with(char::is_lowercase) && e > a && !is_word_where(text, toks, e - 1, |p| is_determiner(p) || is_capitalized(p) || p.starts_with(char::is_lowercase)) {
            break;
        }
        // "a columnist offers up …", "the man offered": an -s or -ed word after a singular
        // lower-case noun is the verb.
        if e > a + 1 && x.starts_with(char::is_lowercase) && (x.ends_with("ed") || x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("'s") && !x.ends_with("’s")) && is_word_where(text, toks, e - 1, |p| p.starts_with(char::is_lowercase) && !p.ends_with('s') && !is_determiner(p)) && is_word_where(text, toks, a, is_determiner) {
            break;
        }
        // "The Committee appealed", "Smith says": a verb-like word right after a name ends it.
        if e > a && x.starts_with(char::is_lowercase) && !is_title(x) && !is_name_particle(x) && !is_preposition(x) && is_word_where(text, toks, e - 1, |p| is_capitalized(p) && !is_possessive(p) && !is_acronym(p) && !is_function_word(p)) {
            break;
        }
        e += 1;
        if e - a > 10 {
            return None;
        }
    }
    if e == a {
        return None;
    }
    let k = np_start(text, toks, a, e).unwrap_or(a);
    analyze_np(text, toks, k, e)
}

/// Is the preposition at `i` inside a name ("Committee for the Red Cross", "Office of the U.N.")?
fn name_connector(text: &str, toks: &[Tok], i: usize) -> bool {
    let cap = |j: usize| toks.get(j).map_or(false, |t| t.is_word() && (is_capitalized(w(text, t)) || is_acronym(w(text, t))));
    let the = toks.get(i + 1).map_or(false, |t| t.is_word() && w(text, t) == "the");
    let org_or_title = i > 0 && toks[i - 1].is_word() && (is_org_word(w(text, &toks[i - 1])) || is_title(w(text, &toks[i - 1])));
    i > 0 && cap(i - 1) && org_or_title && (cap(i + 1) || the && cap(i + 2))
}

/// What kind of phrase `[a, b)` is: a name (with its role words in front), or a description.
fn analyze_np(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Np> {
    // "Patton herself": the reflexive adds nothing to the name.
    if b > a + 1 && is_word_where(text, toks, b - 1, |x| matches!(x, "himself" | "herself" | "themselves" | "itself")) {
        return analyze_np(text, toks, a, b - 1);
    }
    let words: Vec<usize> = (a..b).filter(|&i| toks[i].is_word()).collect();
    let &first = words.first()?;
    let fw = w(text, &toks[first]);
    if words.len() == 1 && is_pronoun(fw) {
        return Some(Np::Pronoun { word: fw.to_lowercase(), span: Span::new(toks[first].start, toks[first].end) });
    }
    // The core ends before the first preposition that follows a lower-case word ("spokesman for").
    let mut core_end = b;
    for &i in &words {
        let x = w(text, &toks[i]);
        if i > first && is_preposition(x) {
            let prev = (a..i).rev().find(|&j| toks[j].is_word()).map(|j| w(text, &toks[j])).unwrap_or("");
            let next_cap = toks.get(i + 1).map_or(false, |n| n.is_word() && is_capitalized(w(text, n)) || n.is_word() && w(text, n) == "the" && toks.get(i + 2).map_or(false, |m| m.is_word() && is_capitalized(w(text, m))));
            // "Office of the …", "Secretary of State …" join; "Tim Kaine of Virginia" does not.
            let connector = is_capitalized(prev) && (is_org_word(prev) || is_title(prev)) && next_cap && (x == "of" || x == "for" || x == "on");
            if !connector {
                core_end = i;
                break;
            }
        }
    }
    let head_i = (a..core_end).rev().find(|&i| toks[i].is_word())?;
    let head = w(text, &toks[head_i]);
    let named = (is_capitalized(head) || is_acronym(head)) && (!is_function_word(head) || head_i > a && modal_name_at(text, toks, head_i)) && !is_title(head) && !is_possessive(head);
    if named {
        // The name: capitalised words (and particles/connectors) ending at the core end.
        let mut s = head_i;
        while s > a {
            let p = s - 1;
            let t = toks[p];
            if t.is_word() {
                let x = w(text, &t);
                let cap = is_capitalized(x) || is_acronym(x);
                let particle = is_name_particle(x) && x.starts_with(char::is_lowercase);
                let connector = matches!(x, "of" | "for" | "the" | "and" | "on") && p > a;
                if is_possessive(x) || credit_word(text, toks, p) || (!cap && !particle && !connector) || (cap && is_function_word(x) && p == a && !modal_name_at(text, toks, p)) {
                    break;
                }
                s = p;
            } else if t.is_punct('&') || t.is_punct('.') && p > a && toks[p - 1].is_word() && w(text, &toks[p - 1]).contains('.') || t.is_punct('.') && p > a && (is_abbreviation(w(text, &toks[p - 1])) || middle_initial(text, toks, p)) {
                s = p;
            } else {
                break;
            }
        }
        // "AP Photo/Evan Rudd Lamb waves": the photographer's two names belong to the credit.
        if after_credit(text, toks, s) {
            let ws: Vec<usize> = (s..head_i).filter(|&i| toks[i].is_word()).collect();
            if ws.len() >= 2 {
                s = (ws[1] + 1..=head_i).find(|&i| toks[i].is_word()).unwrap_or(head_i);
            }
        }
        // Leading connectors and titles belong to the role.
        let mut n0 = s;
        let mut had_the = false;
        let mut gender = Gender::Unknown;
        // "the Finance Ministry", "the State Department": an organisation keeps the words before its head.
        let org_head = is_org_word(head) && !is_acronym(head);
        while n0 < head_i {
            let t = toks[n0];
            if !t.is_word() {
                n0 += 1;
                continue;
            }
            let x = w(text, &t);
            if x.eq_ignore_ascii_case("the") {
                had_the = true;
                n0 += 1;
            } else if ((is_title(x) || is_party_member(x)) && !org_head) || matches!(x, "of" | "for" | "and" | "on") || is_function_word(x) && !is_name_particle(x) && !modal_name_at(text, toks, n0) {
                if is_male_word(x) {
                    gender = Gender::Male;
                } else if is_female_word(x) {
                    gender = Gender::Female;
                }
                n0 += 1;
            } else {
                break;
            }
        }
        // "Russian Deputy Foreign Minister Sergei Ryabkov": the name follows the last title
        // (organisation names keep theirs: "Office of the High Commissioner").
        // "Houston Police Chief Art Acevedo" too, but not "… High Commissioner for Human Rights".
        if let Some(t) = (n0..head_i).rev().find(|&i| toks[i].is_word() && is_title(w(text, &toks[i]))) {
            let rest_is_name = (t + 1..core_end).all(|i| !toks[i].is_word() || !is_org_word(w(text, &toks[i])) && !matches!(w(text, &toks[i]), "of" | "for" | "the" | "and" | "on"));
            if rest_is_name {
                n0 = t + 1;
            }
        }
        while n0 < head_i && !toks[n0].is_word() {
            n0 += 1;
        }
        let name_words: Vec<usize> = (n0..core_end).filter(|&i| toks[i].is_word()).collect();
        let org_word = name_words.iter().any(|&i| is_org_word(w(text, &toks[i])));
        // "the New York Democrat", "the Texas Republican": a description of a person already named.
        if is_party_member(head) && !org_word && (had_the || (a..n0).any(|i| toks[i].is_word() && w(text, &toks[i]).eq_ignore_ascii_case("the"))) {
            return Some(Np::Pronoun { word: "person".into(), span: Span::new(toks[a].start, toks[head_i].end) });
        }
        // "adviser on Syria Jan Egeland": a three-word run after a preposition starts with its object.
        let mut n0 = n0;
        if name_words.len() >= 3 && !org_word && n0 == s && s > 0 && is_word_where(text, toks, s - 1, |p| is_preposition(p) && p.starts_with(char::is_lowercase)) {
            n0 = name_words[1];
        }
        // "JUST WATCHED Donald Trump", "CLOSE Roger Ailes": a shouted page label scraped in front
        // of a person's name is not part of it.
        if !org_word {
            loop {
                let ws: Vec<usize> = (n0..core_end).filter(|&i| toks[i].is_word()).collect();
                let shouted = |x: &str| x.chars().count() >= 4 && x.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
                if ws.len() >= 3 && shouted(w(text, &toks[ws[0]])) && { let n = w(text, &toks[ws[1]]); is_capitalized(n) && !is_acronym(n) } || ws.len() >= 4 && shouted(w(text, &toks[ws[0]])) && shouted(w(text, &toks[ws[1]])) {
                    n0 = ws[1];
                } else {
                    break;
                }
            }
        }
        let name_start = toks[n0].start;
        let name_end = toks[(n0..core_end).rev().find(|&i| toks[i].is_word())?].end;
        let mut name = text[name_start..name_end].to_string();
        // Honorific titles never belong to the name.
        let role_text = text[toks[a].start..name_start].trim().trim_end_matches(',').trim();
        let role_words: Vec<&str> = role_text.split_whitespace().collect();
        for r in &role_words {
            let r = r.trim_matches(|c: char| !c.is_alphanumeric());
            // "Her neighbour Omar": a possessive says nothing of the name's gender.
            if is_pronoun(r) || r.eq_ignore_ascii_case("his") {
                continue;
            }
            if is_male_word(r) {
                gender = Gender::Male;
            } else if is_female_word(r) {
                gender = Gender::Female;
            }
        }
        // A role has a title or a lower-case noun; "Syria" (a place before the name) is none.
        let role_text = role_text.trim_end_matches(" named").trim_end_matches(" called").trim();
        let informative = role_words.iter().any(|r| is_title(r.trim_matches(|c: char| !c.is_alphanumeric())) && !is_honorific(r.trim_matches(|c: char| !c.is_alphanumeric())) || r.starts_with(char::is_lowercase) && !is_determiner(r) && !matches!(*r, "named" | "called"));
        let role = if !informative || role_text.is_empty() { None } else { Some(trim_role(strip_det(role_text)).to_string()).filter(|r| !r.is_empty()) };
        // "the Foundation's Mr. Widmer": a "the" before a possessive owner belongs to the owner.
        let owner_end = (a..n0).rev().find(|&i| toks[i].is_word() && is_possessive(w(text, &toks[i]))).map_or(a, |i| i + 1);
        let the_before = had_the || (owner_end..n0).any(|i| toks[i].is_word() && w(text, &toks[i]).eq_ignore_ascii_case("the"));
        let acronym = name_words.len() == 1 && is_acronym(&name);
        let role_org = role_words.last().map_or(false, |r| is_org_noun(r));
        let org = org_word || acronym || the_before || role_org;
        if core_end < b && org {
            // Keep "of …"/"for …" that continue an organisation name.
            name = name.trim().to_string();
        }
        return Some(Np::Named { name, span: Span::new(name_start, name_end), role, org, gender });
    }
    // A description: "a Syrian official", "the spokesman for the civil defence force".
    let mut end = core_end;
    if core_end < b {
        let x = w(text, &toks[core_end]);
        let close_to = x == "to" && is_word_where(text, toks, core_end - 1, |p| matches!(p, "close" | "closer" | "loyal" | "friendly" | "opposed" | "sympathetic"));
        if x == "of" || x == "for" || close_to {
            end = ((core_end + 1)..b).find(|&i| toks[i].is_word() && is_preposition(w(text, &toks[i])) && w(text, &toks[i]) != "of").unwrap_or(b);
        }
    }
    let last_word = (a..end).rev().find(|&i| toks[i].is_word())?;
    let span = Span::new(toks[a].start, toks[last_word].end);
    let t = text[span.range()].to_string();
    let mut gender = Gender::Unknown;
    let mut plural = is_plural_noun(head);
    for &i in &words {
        let x = w(text, &toks[i]);
        if i >= core_end {
            break;
        }
        if is_male_word(x) {
            gender = Gender::Male;
        } else if is_female_word(x) {
            gender = Gender::Female;
        }
        if x == "and" {
            plural = true;
        }
    }
    if head.chars().all(|c| c.is_numeric()) || is_function_word(head) && !is_determiner(head) {
        return None;
    }
    if !plausible_description(text, toks, &words, core_end, head) {
        return None;
    }
    Some(Np::Unnamed { text: t, span, org: is_org_noun(head), plural, gender, document: is_document_noun(head) })
}

/// Can the words before `core_end` describe a speaker? Not a lone determiner or possessive
/// ("the", "his"), not a clause with a contraction in it ("he's", "won't", "Cruz could've"),
/// and not one bare lower-case word unless it is a plural noun ("officials", not "felt").
fn plausible_description(text: &str, toks: &[Tok], words: &[usize], core_end: usize, head: &str) -> bool {
    let core: Vec<&str> = words.iter().filter(|&&i| i < core_end).map(|&i| w(text, &toks[i])).collect();
    if is_determiner(head) || is_pronoun(head) || matches!(head, "his" | "His" | "its" | "Its" | "their" | "Their" | "our" | "Our" | "my" | "My") || head.ends_with(char::is_numeric) && core.len() == 1 {
        return false;
    }
    // "Rosen's", "Ioffe's": an owner, not a speaker.
    if is_possessive(head) {
        return false;
    }
    if core.iter().any(|x| is_contraction(x)) {
        return false;
    }
    // "54 percent of Republicans", "the majority of Americans": poll shares answer a question
    // put to them; their words are the pollster's, and no "he" or "she" refers to them.
    let share = core.iter().any(|x| x.eq_ignore_ascii_case("percent") || x.ends_with('%'))
        || matches!(head, "majority" | "minority" | "plurality" | "half" | "third" | "share" | "proportion") && toks.get(core_end).map_or(false, |t| t.is_word() && w(text, t) == "of");
    if share {
        return false;
    }
    if core.len() == 1 && head.starts_with(char::is_lowercase) && !is_plural_noun(head) {
        return false;
    }
    true
}

fn is_weekday(x: &str) -> bool {
    matches!(x, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// The full stop at `i` closes a middle initial inside a name: "Michael J. Widmer", "Brett M.
/// Kavanaugh" (a capital letter before it, a capitalised name word after it).
fn middle_initial(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2
        && toks[i].is_punct('.')
        && is_word_where(text, toks, i - 1, |p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
        && is_word_where(text, toks, i - 2, |p| is_capitalized(p) && !is_function_word(p))
        && is_word_where(text, toks, i + 1, |n| is_capitalized(n) && !is_function_word(n))
}

/// "won't", "we’ve", "he's": a verb is folded into the word.
fn is_contraction(x: &str) -> bool {
    let l = x.replace('’', "'").to_lowercase();
    l.ends_with("n't") || l.ends_with("'ve") || l.ends_with("'d") || l.ends_with("'ll") || l.ends_with("'re") || l.ends_with("'m") || is_possessive(x) && is_pronoun(&x[..x.len() - if x.ends_with("’s") { "’s".len() } else { 2 }])
}

/// "a resident of Aleppo in a text message" → "a resident of Aleppo".
/// Also drops a scraped page label in front ("Story highlights Missouri Gov.") and a
/// preposition left dangling at the end ("author of" before a quoted book title).
fn trim_role(r: &str) -> &str {
    let mut r = r.trim();
    for label in ["Story highlights", "STORY HIGHLIGHTS", "Enlarge this image", "toggle caption", "Advertisement", "Related:", "READ MORE:"] {
        if let Some(rest) = r.strip_prefix(label) {
            r = rest.trim_start();
        }
    }
    let mut end = r.len();
    for p in [" in a ", " in an ", " on a ", " on an ", " during a ", " during an ", " via ", " by phone", " by telephone"] {
        if let Some(i) = r.find(p) {
            end = end.min(i);
        }
    }
    let mut out = r[..end].trim().trim_end_matches(',').trim();
    while let Some((head, last)) = out.rsplit_once(' ') {
        if !matches!(last, "of" | "for" | "at" | "the" | "a" | "an" | "and" | "to" | "in" | "on" | "with" | "from" | "by") {
            break;
        }
        out = head.trim_end().trim_end_matches(',').trim_end();
    }
    out
}

fn strip_det(s: &str) -> &str {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r;
        }
    }
    s
}

/// The entity a subject phrase refers to, creating it if new.
fn resolve(ctx: &mut Ctx, np: &Np, pos: usize, local: &[(usize, usize)]) -> Option<usize> {
    match np {
        Np::Pronoun { word, .. } => resolve_pronoun(ctx, word, pos, local),
        Np::Named { name, role, org, gender, .. } => {
            let (canon, krole, kind) = if *org {
                (name.clone(), None, SpeakerKind::Organisation)
            } else {
                // A lone capitalised word that is never printed inside a sentence or as part of a
                // longer name is a sentence-initial word ("Speaking with reporters, …"), not a name.
                let key = name_key(name);
                if is_contraction(name) {
                    return None;
                }
                if !key.contains(' ') && !ctx.known.iter().any(|k| !k.initial && k.key.split(' ').any(|t| t == key)) {
                    // "Aides say", "Critics said": a plural noun is an unnamed group.
                    if is_plural_noun(name) && !is_possessive(name) {
                        return Some(entity(ctx, format!("u:{key}"), name.clone(), SpeakerKind::Unnamed, None, Gender::Unknown, true, pos));
                    }
                    return None;
                }
                let (c, r) = canonical_person(ctx, name, pos);
                // "Free Speech In Hong Kong": in a headline, a person is one the body names too.
                if ctx.in_headline && !ctx.known.iter().any(|k| !k.org && k.key == name_key(&c)) {
                    return None;
                }
                (c, r, SpeakerKind::Person)
            };
            let key = if kind == SpeakerKind::Organisation { org_key(&canon) } else { person_key(&canon) };
            let e = entity(ctx, key, canon, kind, role.clone().or(krole), *gender, false, pos);
            Some(e)
        }
        Np::Unnamed { text, org, plural, gender, .. } => {
            match resolve_description(ctx, text, *org, pos) {
                Some(Described::Entity(e)) => return Some(e),
                Some(Described::Name(name, kind, role)) => {
                    let key = if kind == SpeakerKind::Organisation { org_key(&name) } else { person_key(&name) };
                    return Some(entity(ctx, key, name, kind, role, *gender, false, pos));
                }
                None => {}
            }
            let capital_modifier = text.split_whitespace().skip(1).any(|x| is_capitalized(x) || is_acronym(x));
            let kind = if *org && capital_modifier { SpeakerKind::Organisation } else { SpeakerKind::Unnamed };
            let key = format!("u:{}", name_key(text));
            let e = entity(ctx, key, text.clone(), kind, None, *gender, *plural || *org && kind == SpeakerKind::Unnamed && is_plural_noun(text.rsplit(' ').next().unwrap_or("")), pos);
            Some(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn entity(ctx: &mut Ctx, key: String, name: String, kind: SpeakerKind, role: Option<String>, gender: Gender, plural: bool, pos: usize) -> usize {
    if let Some(&e) = ctx.by_key.get(&key) {
        let ent = &mut ctx.entities[e];
        if ent.role.is_none() {
            ent.role = role;
        }
        if ent.gender == Gender::Unknown {
            ent.gender = gender;
        }
        return e;
    }
    ctx.entities.push(Entity { name, kind, role, gender, plural, last: pos });
    ctx.by_key.insert(key, ctx.entities.len() - 1);
    ctx.entities.len() - 1
}

fn resolve_pronoun(ctx: &mut Ctx, word: &str, pos: usize, local: &[(usize, usize)]) -> Option<usize> {
    let want = match word {
        "he" | "him" => 1,
        "she" | "her" => 2,
        "it" => 3,
        "they" | "them" => 4,
        "who" => 0,
        "person" => 5,
        _ => return None,
    };
    let ok = |e: &Entity| -> bool {
        match want {
            0 => true,
            1 => (e.kind == SpeakerKind::Person || e.kind == SpeakerKind::Unnamed && !e.plural) && e.gender != Gender::Female && !is_org_entity(e),
            2 => (e.kind == SpeakerKind::Person || e.kind == SpeakerKind::Unnamed && !e.plural) && e.gender != Gender::Male && !is_org_entity(e),
            3 => e.kind == SpeakerKind::Organisation || is_org_entity(e) && !e.plural,
            5 => e.kind == SpeakerKind::Person,
            _ => e.kind == SpeakerKind::Organisation || e.plural,
        }
    };
    let found = local.iter().rev().find(|&&(e, p)| p < pos && ok(&ctx.entities[e])).map(|&(e, _)| e).or_else(|| {
        ctx.entities.iter().enumerate().filter(|(_, e)| e.last < pos && ok(e)).max_by_key(|(_, e)| e.last).map(|(i, _)| i)
    })?;
    let e = &mut ctx.entities[found];
    if e.gender == Gender::Unknown {
        e.gender = match want {
            1 => Gender::Male,
            2 => Gender::Female,
            _ => Gender::Unknown,
        };
    }
    Some(found)
}

fn is_org_entity(e: &Entity) -> bool {
    e.kind == SpeakerKind::Organisation || e.kind == SpeakerKind::Unnamed && e.name.rsplit(' ').next().map_or(false, is_org_noun)
}

/// What a definite description refers to.
enum Described {
    Entity(usize),
    /// A printed name that has not spoken yet: (name, kind, role).
    Name(String, SpeakerKind, Option<String>),
}

/// "the Russian foreign minister" = the person printed as "Russia's Foreign Minister X";
/// "the office" = the latest organisation whose name has every word of the description.
fn resolve_description(ctx: &Ctx, text: &str, org: bool, pos: usize) -> Option<Described> {
    let mut ws = text.split_whitespace();
    let det = ws.next()?;
    if !det.eq_ignore_ascii_case("the") {
        return None;
    }
    let desc: Vec<String> = ws.map(|x| name_key(x.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))).collect();
    if desc.is_empty() || desc.len() > 6 {
        return None;
    }
    let matches_all = |target: &str| -> bool {
        let tw: Vec<String> = target.split(|c: char| c.is_whitespace() || c == '-').map(|x| name_key(x.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))).collect();
        desc.iter().all(|d| tw.iter().any(|t| stem_eq(d, t)))
    };
    if org {
        let best = ctx.known.iter().filter(|k| k.org && k.pos < pos && matches_all(&k.name)).max_by_key(|k| k.pos)?;
        let key = org_key(&best.name);
        return Some(match ctx.by_key.get(&key) {
            Some(&e) => Described::Entity(e),
            None => Described::Name(best.name.clone(), SpeakerKind::Organisation, None),
        });
    }
    // "the judge", "the candidate": one title word names the latest person printed with it.
    if desc.len() < 2 && !(desc.len() == 1 && is_title(&desc[0]) && !is_honorific(&desc[0]) && !matches!(desc[0].as_str(), "state" | "first" | "high" | "field" | "private" | "special" | "senior" | "major" | "general")) {
        return None;
    }
    // A role printed before a name, or an appositive role of a speaker.
    let person = ctx.known.iter().filter(|k| !k.org && k.pos < pos && k.role.as_deref().map_or(false, matches_all)).max_by_key(|k| k.pos);
    if let Some(k) = person {
        let canon = canonical_of(ctx, &k.name);
        return Some(match ctx.by_key.get(&person_key(&canon)) {
            Some(&e) => Described::Entity(e),
            None => Described::Name(canon, SpeakerKind::Person, k.role.clone()),
        });
    }
    ctx.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == SpeakerKind::Person && e.last < pos && e.role.as_deref().map_or(false, matches_all))
        .max_by_key(|(_, e)| e.last)
        .map(|(i, _)| Described::Entity(i))
}

fn org_key(name: &str) -> String {
    format!("o:{}", name_key(name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)))
}

fn person_key(name: &str) -> String {
    format!("p:{}", name_key(name))
}

/// Same word up to inflection: "russian" ~ "russia's", "get" ~ "getting".
fn stem_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    n >= 5 || (n >= 3 && (n == la || n == lb))
}

/// The fullest printed form of a person's name: "Qassem" → "Mohammed Al Qassem".
fn canonical_person(ctx: &Ctx, name: &str, _pos: usize) -> (String, Option<String>) {
    let c = canonical_of(ctx, name);
    let role = ctx.known.iter().find(|k| !k.org && k.name == c && k.role.is_some()).and_then(|k| k.role.clone());
    (c, role)
}

fn canonical_of(ctx: &Ctx, name: &str) -> String {
    let key = name_key(name);
    let toks: Vec<&str> = key.split(' ').collect();
    let last = *toks.last().unwrap_or(&"");
    let mut best: Option<&Known> = None;
    for k in &ctx.known {
        if k.org || k.key.len() <= key.len() {
            continue;
        }
        let kt: Vec<&str> = k.key.split(' ').collect();
        if kt.last() != Some(&last) || !toks.iter().all(|t| kt.contains(t)) {
            continue;
        }
        if best.map_or(true, |b| kt.len() > b.key.split(' ').count()) {
            best = Some(k);
        }
    }
    best.map_or_else(|| name.to_string(), |k| k.name.clone())
}

/// Every printed name of the article (outside quotations), with its title or role words.
fn collect_names(ctx: &mut Ctx, bt: &BlockToks) {
    let text = ctx.text;
    let toks = &bt.toks;
    for &(s0, s1) in &bt.sents {
        let mut i = s0;
        while i < s1 {
            let t = toks[i];
            let x = if t.is_word() { w(text, &t) } else { "" };
            if !(t.is_word() && (is_capitalized(x) || is_acronym(x)) && !(is_function_word(x) && !is_title(x) && !modal_name_at(text, toks, i))) {
                i += 1;
                continue;
            }
            // A run of capitalised words, titles and particles.
            let mut e = i;
            while e < s1 {
                let t = toks[e];
                if t.is_word() {
                    let y = w(text, &t);
                    let cap = (is_capitalized(y) || is_acronym(y)) && !(is_function_word(y) && !is_title(y) && !modal_name_at(text, toks, e));
                    let joins = (is_name_particle(y) || matches!(y, "of" | "for" | "the")) && e + 1 < s1 && toks[e + 1].is_word() && (is_capitalized(w(text, &toks[e + 1])) || w(text, &toks[e + 1]) == "the");
                    if !(cap || joins && e > i) {
                        break;
                    }
                    e += 1;
                    // "Mandel Ngan/AFP/Getty Images Trump": a photo credit glued to a name ends the run.
                    if is_possessive(y) || credit_word(text, toks, e - 1) || e == i + 2 && after_credit(text, toks, i) {
                        break;
                    }
                } else if t.is_punct('.') && e > i && (w(text, &toks[e - 1]).contains('.') || middle_initial(text, toks, e)) {
                    e += 1;
                } else {
                    break;
                }
            }
            // Include a possessive owner before titles ("Russia’s Foreign Minister …").
            let start = if i > s0 && toks[i - 1].is_word() && is_possessive(w(text, &toks[i - 1])) { i - 1 } else { i };
            if let Some(Np::Named { name, role, org, .. }) = analyze_np(text, toks, start, e).filter(|np| matches!(np, Np::Named { .. })).or_else(|| owner_name(text, toks, i, e)) {
                if !is_possessive(&name) {
                    let key = name_key(&name);
                    // "Shadi, a teacher, said", "Trump told reporters": a name set off by a comma,
                    // or the subject of a cue, is a name wherever it stands.
                    let initial = start == s0 && (start..e).filter(|&j| toks[j].is_word()).count() == 1 && !toks.get(e).map_or(false, |t| e < s1 && (t.is_punct(',') || t.is_word() && is_cue_word(w(text, t))));
                    ctx.known.push(Known { name, key, role, org, pos: t.start, initial });
                }
            }
            i = e.max(i + 1);
        }
    }
}

/// "Judge Brett M. Kavanaugh’s record": a full personal name printed as an owner, without the
/// possessive ending — still the name that "Judge Kavanaugh" later stands for.
fn owner_name(text: &str, toks: &[Tok], i: usize, e: usize) -> Option<Np> {
    let last = toks[e - 1];
    let x = w(text, &last);
    let bare = x.strip_suffix("’s").or_else(|| x.strip_suffix("'s")).filter(|b| is_capitalized(b) && !is_org_word(b))?;
    if e < i + 2 {
        return None;
    }
    match analyze_np(text, toks, i, e - 1)? {
        Np::Named { span, role, org: false, gender, .. } => {
            let end = last.start + bare.len();
            Some(Np::Named { name: text[span.start as usize..end].to_string(), span: Span::new(span.start as usize, end), role, org: false, gender })
        }
        _ => None,
    }
}

/// "- Name, role" beside a pull quote.
fn credit_speaker(ctx: &mut Ctx, span: Span) -> Option<Attr> {
    let text = ctx.text;
    let mut toks = Vec::new();
    lex::tokenize(text, span.start as usize, span.end as usize, &[], &mut toks);
    let a = toks.iter().position(|t| t.is_word())?;
    let chunks = comma_chunks(text, &toks, a, toks.len());
    let (ca, cb) = chunks[0];
    let mut np = analyze_np(text, &toks, ca, cb)?;
    if let Some(&(ra, rb)) = chunks.get(1) {
        np.set_role(Some(span_text(text, &toks, ra, toks.len().max(rb))));
    }
    let pos = span.start as usize;
    let e = resolve(ctx, &np, pos, &[])?;
    let role = match &np {
        Np::Named { role, .. } => role.clone(),
        _ => None,
    };
    Some(Attr { entity: e, mention: Some(np.span()), role, cue: None })
}

/// `“…” — President Trump`, `"…" -- Ann Lee, historian`: a credit after a dash ending the paragraph.
fn dash_credit(ctx: &mut Ctx, bt: &BlockToks, qt: usize) -> Option<Attr> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut k = qt + 1;
    while k < toks.len() && matches!(toks[k].kind, Kind::Punct('—' | '–' | '-')) {
        k += 1;
    }
    if k == qt + 1 || k >= toks.len() || toks.len() - k > 16 {
        return None;
    }
    let np = np_forward(text, toks, k, toks.len())?;
    let end = (k..toks.len()).find(|&i| toks[i].start >= np.span().end as usize).unwrap_or(toks.len());
    let credit_ends = end == toks.len() || matches!(toks[end].kind, Kind::Punct(',' | '(' | '.'));
    if !matches!(np, Np::Named { .. }) || !credit_ends || (end..toks.len()).any(|i| toks[i].is_word() && is_cue_word(w(text, &toks[i]))) {
        return None;
    }
    let e = resolve(ctx, &np, np.span().start as usize, &[])?;
    let role = match &np {
        Np::Named { role, .. } => role.clone(),
        _ => None,
    };
    Some(Attr { entity: e, mention: Some(np.span()), role, cue: None })
}

/// Headlines: `Name: "…"`.
fn colon_speaker(ctx: &mut Ctx, bt: &BlockToks, qt: usize, s0: usize) -> Option<Attr> {
    let toks = &bt.toks;
    if qt < s0 + 2 || !toks[qt - 1].is_punct(':') {
        return None;
    }
    let k = np_start(ctx.text, toks, s0, qt - 1)?;
    let np = analyze_np(ctx.text, toks, k, qt - 1)?;
    if !matches!(np, Np::Named { .. }) {
        return None;
    }
    let e = resolve(ctx, &np, toks[k].start, &[])?;
    Some(Attr { entity: e, mention: Some(np.span()), role: None, cue: None })
}

/// The subjects of a sentence, registered as antecedents: cue subjects (with or without a
/// quotation) and a named person opening the sentence.
/// Returns `(entity, position, speaks)`: `speaks` for the subjects of cues.
fn register_sentence(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize, local: &[(usize, usize)]) -> Vec<(usize, usize, bool)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut found: Vec<(usize, usize)> = local.to_vec();
    let mut speaking: std::collections::HashSet<usize> = local.iter().map(|&(e, _)| e).collect();
    if let Some(np) = clause_subject(text, toks, s0, s1) {
        let person_like = person_like(ctx, toks, s0, &np);
        // "North Carolina, which Obama won …": a thing, not a person (people take "who").
        let which = (s0..s1).find(|&i| toks[i].start >= np.span().end as usize).map_or(false, |i| toks[i].is_punct(',') && is_word_where(text, toks, i + 1, |x| x == "which"));
        if person_like && !which {
            let pos = np.span().start as usize;
            if let Some(e) = resolve(ctx, &np, pos, &found) {
                found.push((e, pos));
                // "Lena Berg left her flat": a pronoun of one gender only in the subject's
                // sentence tells the subject's gender.
                if ctx.entities[e].gender == Gender::Unknown && ctx.entities[e].kind == SpeakerKind::Person {
                    let after = (s0..s1).filter(|&i| toks[i].is_word() && toks[i].start > np.span().end as usize);
                    let (mut m, mut f) = (false, false);
                    for i in after {
                        match w(text, &toks[i]) {
                            "he" | "his" | "him" | "himself" => m = true,
                            "she" | "her" | "hers" | "herself" => f = true,
                            _ => {}
                        }
                    }
                    if m != f {
                        ctx.entities[e].gender = if m { Gender::Male } else { Gender::Female };
                    }
                }
            }
        }
    }
    let has_quote = (s0..s1).any(|i| toks[i].quote().is_some());
    if !has_quote {
        for i in s0..s1 {
            if let Some(c) = cue_at(text, toks, i, s0) {
                if c.participle || c.according || c.object_speaker {
                    continue;
                }
                // "X returned to Twitter to explain": the clause's subject, not "X returned".
                let infinitive = i > s0 && is_word_where(text, toks, i - 1, |p| p == "to");
                let np = if infinitive { clause_subject(text, toks, s0, i) } else { subject_before(text, toks, s0, i) };
                let np = np.or_else(|| if i > s0 && toks[i - 1].is_punct(',') { np_forward(text, toks, i + 1, s1) } else { None });
                if let Some(np) = np {
                    let np = document_owner(text, toks, s0, np);
                    let pos = np.span().start as usize;
                    if let Some(e) = resolve(ctx, &np, pos, &found) {
                        found.push((e, pos));
                        speaking.insert(e);
                    }
                }
            }
        }
    }
    found.sort_by_key(|&(_, p)| p);
    found.into_iter().map(|(e, p)| (e, p, speaking.contains(&e))).collect()
}

/// A place opening a sentence reads like a one-word name: only names known to be people
/// (several words, an honorific, or the surname of a printed full name) count, and organisations.
fn person_like(ctx: &Ctx, toks: &[Tok], s0: usize, np: &Np) -> bool {
    match np {
        Np::Named { org: false, name, .. } => {
            let key = name_key(name);
            let surname_of = |full: &str| full.len() > key.len() && full.ends_with(key.as_str()) && full.as_bytes()[full.len() - key.len() - 1] == b' ';
            key.contains(' ') && !ctx.known.iter().any(|k| k.org && k.key == key) || ctx.known.iter().any(|k| !k.org && surname_of(&k.key))
                || is_word_where(ctx.text, toks, s0, is_honorific)
        }
        Np::Named { org: true, .. } => true,
        _ => false,
    }
}

/// The named people opening the clauses of a sentence (its start, and after ", and", ", but",
/// "while", ";"), as `(entity, position)` in text order.
fn clause_subjects(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize) -> Vec<(usize, usize)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut out = Vec::new();
    for i in s0..s1 {
        let start = i == s0
            || toks[i - 1].is_punct(';')
            || i >= s0 + 2 && (toks[i - 2].is_punct(',') || toks[i - 2].quote().map_or(false, |q| text[bt.marks[q].inner.range()].ends_with(','))) && is_word_where(text, toks, i - 1, |x| matches!(x, "and" | "but" | "while" | "whereas" | "although" | "though"));
        // A news sentence has a handful of clauses; the bounds keep run-on text linear.
        if out.len() >= 8 {
            break;
        }
        if start && toks[i].is_word() {
            if let Some(found) = clause_person(ctx, bt, i, s1.min(i + 40)) {
                out.push(found);
            }
        }
    }
    out
}

/// The named person opening a clause at `s0`: "Sen. X, …", or the name set off after a
/// description ("A sheriff in Oregon, Tim Mueller of Linn County, wrote …").
fn clause_person(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize) -> Option<(usize, usize)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut np = clause_subject(text, toks, s0, s1)?;
    if let Np::Unnamed { span, .. } = &np {
        let after = (s0..s1).find(|&i| toks[i].start >= span.end as usize)?;
        if !toks[after].is_punct(',') {
            return None;
        }
        let close = (after + 1..s1.min(after + 8)).find(|&i| !toks[i].is_word() && !toks[i].is_punct('.'))?;
        np = appositive_name(text, toks, after + 1, close, &np).or_else(|| analyze_np(text, toks, after + 1, close).filter(|n| matches!(n, Np::Named { org: false, .. })))?;
    }
    if !matches!(np, Np::Named { org: false, .. }) || !person_like(ctx, toks, s0, &np) {
        return None;
    }
    let pos = np.span().start as usize;
    resolve(ctx, &np, pos, &[]).map(|e| (e, pos))
}

/// Headline and pull quotes repeating another quotation point to it and take its speaker.
fn link_repeats(text: &str, out: &mut [ArticleQuote], attrs: &mut [Option<Attr>]) {
    let words = |s: Span| -> Vec<String> { text[s.range()].split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|x| !x.is_empty()).map(name_key).collect() };
    for q in 0..out.len() {
        if !matches!(out[q].kind, QuoteKind::Headline | QuoteKind::PullQuote) {
            continue;
        }
        let qw = words(out[q].span);
        if qw.is_empty() {
            continue;
        }
        let mut best: Option<(usize, f32)> = None;
        for r in 0..out.len() {
            if r == q || out[r].kind == QuoteKind::Headline || out[q].kind == QuoteKind::PullQuote && out[r].kind == QuoteKind::PullQuote {
                continue;
            }
            let rw = words(out[r].span);
            let hit = qw.iter().filter(|x| rw.iter().any(|y| stem_eq(x, y))).count();
            let share = hit as f32 / qw.len() as f32;
            if share >= 0.75 && hit >= 2 && best.map_or(true, |(_, s)| share > s) {
                best = Some((r, share));
            }
        }
        if let Some((r, _)) = best {
            out[q].repeat_of = Some(r);
            if attrs[q].is_none() {
                attrs[q] = attrs[r].clone().map(|a| Attr { mention: None, cue: None, ..a });
            }
        }
    }
}
