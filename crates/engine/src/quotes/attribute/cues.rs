//! Cues: the reporting verbs and phrases a speaker hangs on ("said", "according to", "told"),
//! and the shape of a quotation (speech, a fragment, a scare quote).

use super::*;

/// A quotation that stands as its own sentence (or is introduced by a cue and a comma or colon).
pub(super) fn speech_shaped(text: &str, bt: &BlockToks, qt: usize, s0: usize) -> bool {
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

pub(super) fn is_told(x: &str) -> bool {
    matches!(x, "told" | "tells" | "tell" | "telling")
}

/// "so-called", "dubbed", "known as" before a fragment: a name in quotes, not speech.
/// So is a short quotation used as a modifier: the "zero-tolerance" policy.
pub(super) fn scare_marked(text: &str, bt: &BlockToks, qt: usize) -> bool {
    modifier_quote(text, bt, qt) || name_given(text, bt, qt)
}

/// A short quotation used as a modifier: the "zero-tolerance" policy. With a speaker in reach
/// (`Sopko said it was one of the "best constructed" buildings`) it is that speaker's words.
pub(super) fn modifier_quote(text: &str, bt: &BlockToks, qt: usize) -> bool {
    if qt == 0 {
        return false;
    }
    let m = bt.marks[bt.toks[qt].quote().unwrap()];
    let inner = &text[m.inner.range()];
    word_count(inner) <= 3
        && !inner.ends_with(|c: char| !c.is_alphanumeric())
        && is_word_where(text, &bt.toks, qt - 1, |p| p.starts_with(char::is_lowercase) && is_determiner(p))
        && !(qt >= 2 && is_word_where(text, &bt.toks, qt - 2, is_cue_word))
        && is_word_where(text, &bt.toks, qt + 1, |n| n.starts_with(char::is_lowercase) && !n.ends_with("ing") && !is_clause_break(n) && !is_preposition(n) && !is_cue_word(n) && !is_adverb(n))
}

/// "so-called", "dubbed", "known as", `told "CNN Tonight"`: a name given in quotation marks.
pub(super) fn name_given(text: &str, bt: &BlockToks, qt: usize) -> bool {
    if qt == 0 {
        return false;
    }
    let m = bt.marks[bt.toks[qt].quote().unwrap()];
    let inner = &text[m.inner.range()];
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
    // `moderator of NBC's "Meet the Press,"`: a title-cased name right after an owner.
    let owned_title = is_word_where(text, toks, qt - 1, |x| is_possessive(x) && is_capitalized(x)) && title_cased(inner);
    if (after_told || on_show || owned_title) && word_count(inner) <= 4 {
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
pub(super) fn title_cased(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().map(|x| x.trim_matches(|c: char| !c.is_alphanumeric())).filter(|x| !x.is_empty()).collect();
    !words.is_empty() && words[0].starts_with(|c: char| c.is_uppercase() || c.is_numeric()) && words.iter().all(|x| x.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || matches!(*x, "the" | "of" | "and" | "a" | "an" | "in" | "on" | "with" | "for" | "to" | "at"))
}

/// The cue at token `i`, if the word there is used as a reporting verb.
pub(super) fn cue_at(text: &str, toks: &[Tok], i: usize, lo: usize) -> Option<Cue> {
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
    if is_noun_like_cue(word) && !verb_next && i >= lo + 2 && prev_w.map_or(false, |p| p.starts_with(char::is_lowercase) && (!p.ends_with('s') || word.ends_with('s')) && !is_pronoun(p) && !is_adverb(p) && !is_clause_break(p)) && is_word_where(text, toks, i - 2, |p| is_determiner(p) || p.ends_with("’s") || p.ends_with("'s")) {
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
        "called" | "calls" | "calling" | "call" => {
            let n = next_w.unwrap_or("");
            let mut b = [0u8; 32];
            let ln = lower(n, &mut b);
            if ln == "on" || ln == "for" {
                c.text = format!("{word} {n}");
            } else if !calls_it_quoted(text, toks, i, lo) {
                return None;
            }
        }
        // "charged that …": not "charged with a crime".
        // "the report states", "Smith states in her testimony", "…,” states the memo"; not
        // "blue states", "member states".
        "states" => {
            if !prev_w.map_or(true, |p| is_capitalized(p) && !is_function_word(p) || is_pronoun(p) || is_document_noun(p) || is_adverb(p)) && !prev.map_or(false, |p| p.is_punct(',') || p.quote().is_some()) {
                return None;
            }
        }
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
/// called “the butchery”`, `Hart called the polls “phony”`, `Lee praised the deal as “historic”`:
/// "call" (or a judgement verb: label, dub, praise as, …) with an object and then a quotation
/// gives the subject's words. Not "a group called “X”" (a name given) or "was called" (passive).
pub(super) fn calls_it_quoted(text: &str, toks: &[Tok], i: usize, lo: usize) -> bool {
    let subject_before = i == lo
        || toks[i - 1].is_punct(',')
        || is_word_where(text, toks, i - 1, |p| {
            is_pronoun(p) || is_adverb(p) || matches!(p, "who" | "and" | "has" | "have" | "had") || is_capitalized(p) && !is_function_word(p) && !is_possessive(p)
                // "the survey called", "the ministry's statement called", "critics called"
                || p.starts_with(char::is_lowercase) && (is_document_noun(p) || is_org_noun(p) || is_plural_noun(p) && !is_clause_break(p))
        });
    let passive = i > lo && is_word_where(text, toks, i - 1, |p| matches!(p, "was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got"));
    if !subject_before || passive {
        return false;
    }
    // The object: a few words (no clause break, no cue), then the quotation; "as" or "of" may
    // come right before it ("praised the deal as “historic”", "accused him of “lying”").
    let mut j = i + 1;
    while j < toks.len() && j <= i + 16 {
        let t = toks[j];
        if t.quote().is_some() {
            // Right after the verb, one quoted word is a name given ("called “Disaster”"); after
            // an object it is the subject's judgement of it.
            let n = word_count(&text[t.start..t.end]);
            // "what Mr. Axelrod called “adjustments”": the subject's word, even right after.
            let what = (i.saturating_sub(5).max(lo)..i).any(|k| is_word_where(text, toks, k, |x| x.eq_ignore_ascii_case("what")));
            if j == i + 1 {
                // Right after the verb, a noun before it names something ("a group called
                // “Friends of the Park”"); a person or "what they called" gives their words.
                let named = i > lo && is_word_where(text, toks, i - 1, |p| is_pronoun(p) || p == "who" || is_capitalized(p) && !is_function_word(p) && !is_possessive(p) && !is_plural_noun(p));
                return what && n >= 1 || named && n >= 2;
            }
            return n >= 1;
        }
        let linking = j > i + 1 && toks.get(j + 1).map_or(false, |n| n.quote().is_some()) && is_word_where(text, toks, j, |x| matches!(x, "as" | "of"));
        let ok = linking || t.is_word() && { let x = w(text, &t); !is_clause_break(x) && (!is_cue_word(x) || is_noun_like_cue(x) && is_word_where(text, toks, j - 1, is_determiner)) } || t.is_punct('\'') || t.is_punct('’') || t.is_punct(',') && j > i + 1;
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
pub(super) fn phrasal_cue(text: &str, toks: &[Tok], i: usize, lo: usize) -> Option<Cue> {
    let word = w(text, &toks[i]);
    let cue = |t: String| Cue { text: t, participle: false, report: false, object_speaker: false, according: false };
    match word {
        // `Lee labeled the bill “a disaster”`, `Hart dubbed the plan “Obamacare 2.0”`.
        _ if is_judgement_verb(word) && word.starts_with(char::is_lowercase) => calls_it_quoted(text, toks, i, lo).then(|| cue(word.to_string())),
        // `A Gallup poll found voters “deeply divided”`: a study's finding is its words.
        "found" | "finds" | "shows" | "showed" => (i > lo && is_word_where(text, toks, i - 1, |p| p.starts_with(char::is_lowercase) && is_document_noun(p)) && calls_it_quoted(text, toks, i, lo)).then(|| cue(word.to_string())),
        "shot" | "fired" | "hit" | "snapped" | "pushed" => {
            let next = toks.get(i + 1).filter(|n| n.is_word() && w(text, n) == "back")?;
            Some(cue(format!("{word} {}", w(text, next))))
        }
        // "As Eliza Collins pointed out, “…”": not "pointed a gun".
        "pointed" | "points" => {
            let next = toks.get(i + 1).filter(|n| n.is_word() && w(text, n) == "out")?;
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

/// `responded to Rosen's e-mail: “…”`, `this statement from the candidate: “…”`: a colon right
/// after a document names its owner as the speaker.
pub(super) fn document_colon(text: &str, toks: &[Tok], qt: usize, lo: usize) -> Option<Np> {
    if qt < lo + 2 || !toks[qt - 1].is_punct(':') || !is_word_where(text, toks, qt - 2, |x| x.starts_with(char::is_lowercase) && is_document_noun(x)) {
        // "a statement from the candidate:": the phrase after "from".
        let from = (qt.saturating_sub(7).max(lo)..qt.saturating_sub(1)).rev().find(|&k| is_word_where(text, toks, k, |x| x == "from"))?;
        // "More from the Post: “…”": a short lead-in naming its source is as good.
        let short_lead = from <= lo + 2 && from > lo && is_word_where(text, toks, from - 1, |x| matches!(x, "More" | "more" | "Word" | "word" | "This" | "Quote"));
        if !toks[qt - 1].is_punct(':') || !(short_lead || is_word_where(text, toks, from - 1, |x| x.starts_with(char::is_lowercase) && is_document_noun(x))) || (from + 1..qt - 1).any(|k| !toks[k].is_word()) {
            return None;
        }
        return analyze_np(text, toks, from + 1, qt - 1).filter(|np| !matches!(np, Np::Unnamed { document: true, .. }) && (!short_lead || matches!(np, Np::Named { .. })));
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
pub(super) fn cue_after(ctx: &Ctx, bt: &BlockToks, qt: usize, hi: usize) -> Option<(Cue, Option<Np>)> {
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
        // Inverted: "said X" / "according to X" / "adds X" — not "told X", the listener.
        if is_told(&c.text) {
            return None;
        }
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

/// A cue before the quotation in the same sentence: the nearest one.
pub(super) fn cue_before(ctx: &Ctx, bt: &BlockToks, qt: usize, lo: usize, s0: usize, sentence_attr: Option<&Attr>) -> Option<(Cue, Option<Np>)> {
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
                // "Says Morales: “…”": a sentence opening with the inverted cue.
                let inverted = i > s0 && toks[i - 1].is_punct(',') || i == s0 && w(text, &toks[i]).starts_with(char::is_uppercase);
                if !matches!(np, Np::Pronoun { .. }) && !time && !c.participle && inverted {
                    return Some((c, Some(np)));
                }
            }
            return None;
        }
    }
    None
}

/// A cue closing the sentence, a clause away from the quotation: `Obama was not “overly
/// specific” about it, Edwards says.`, `… “for weeks,” a person familiar with the process told
/// Fox News`, `… “hard-charging” prosecutor, according to a source`, `…, the director, Vice Adm.
/// Jim Syring, told reporters.` The speaker is set off by a comma; the cue has no clause of its
/// own after it ("said that …" reports something else).
pub(super) fn trailing_cue(text: &str, bt: &BlockToks, qt: usize) -> Option<(Cue, Option<Np>)> {
    let toks = &bt.toks;
    let s1 = bt.sents.iter().find(|&&(a, b)| a <= qt && qt < b).map(|&(_, b)| b)?;
    for k in qt + 1..s1 {
        let Some(c) = cue_at(text, toks, k, qt + 1) else { continue };
        if c.participle || c.object_speaker || is_word_where(text, toks, k + 1, |x| matches!(x, "that" | "whether" | "if")) || toks.get(k + 1).map_or(false, |t| t.quote().is_some() || t.is_punct(':')) {
            continue;
        }
        if c.according {
            // "according to its original meaning" is no source.
            let np = np_forward(text, toks, k + 2, s1).filter(|np| !matches!(np, Np::Pronoun { .. }) && !is_word_where(text, toks, k + 2, |x| matches!(x, "its" | "their" | "his" | "her")))?;
            return Some((c, Some(np)));
        }
        // "…, told reporters": after "told" comes the listener, not the speaker.
        if toks[k - 1].is_punct(',') && !is_told(&c.text) {
            let np = np_forward(text, toks, k + 1, s1).filter(|np| !matches!(np, Np::Pronoun { .. }))?;
            return Some((c, Some(np)));
        }
        let np = subject_before(text, toks, qt + 1, k)?;
        let start = toks.iter().position(|t| t.start == np.span().start as usize)?;
        // Set off by a comma or dash right before the speaker's phrase (its article or title
        // words between: ", the director, Vice Adm. Jim Syring, told").
        let comma = (qt + 1..start).rev().find(|&i| toks[i].is_punct(',') || toks[i].is_punct('—'));
        let set_off = comma.map_or(false, |c| start - c <= 5 && (c + 1..start).all(|i| toks[i].is_punct('.') || is_word_where(text, toks, i, |x| is_capitalized(x) && (is_title(x) || is_abbreviation(x)) || matches!(x, "the" | "a" | "an"))));
        return set_off.then_some((c, Some(np)));
    }
    None
}

/// `“Do you want their support?” Kristen Day, executive director of Democrats for Life, asked
/// Buttigieg.`: a question or exclamation ends its sentence, and the cue opens the next one.
pub(super) fn next_sentence_cue(ctx: &Ctx, bt: &BlockToks, qt: usize) -> Option<(Cue, Option<Np>)> {
    let toks = &bt.toks;
    let m = bt.marks[toks[qt].quote()?];
    let inner = ctx.text[m.inner.range()].trim_end().trim_end_matches(['’', '\'', '”', '"', ' ']);
    if !inner.ends_with(['?', '!']) {
        return None;
    }
    let si = bt.sents.iter().position(|&(a, b)| a <= qt && qt < b)?;
    let &(n0, n1) = bt.sents.get(si + 1)?;
    if bt.sents[si].1 != qt + 1 || n0 != qt + 1 || (n0..n1).any(|i| toks[i].quote().is_some()) {
        return None;
    }
    cue_after(ctx, bt, qt, n1)
}
