//! Mentions: the noun phrases that can speak — names with their titles and roles, descriptions
//! ("a Syrian official"), pronouns — read forwards or backwards from a cue; and every name the
//! article prints.

use super::*;

/// A noun phrase `[k, end)` read forwards: its first comma-chunk is the subject, a following
/// appositive chunk its role.
pub(super) fn np_with_appositive(text: &str, toks: &[Tok], k: usize, end: usize) -> Option<Np> {
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
pub(super) fn comma_chunks(_text: &str, toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
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

pub(super) fn span_text(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    text[toks[a].start..toks[b - 1].end].trim().to_string()
}

/// An appositive role chunk: "a teacher", "spokesman for …", "41" is not one, "who …" is not.
pub(super) fn looks_appositive(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
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
pub(super) fn np_forward(text: &str, toks: &[Tok], start: usize, hi: usize) -> Option<Np> {
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
                    let prev_cap = i > start && is_capitalized(w(text, &toks[i - 1])) && (is_org_word(w(text, &toks[i - 1])) || is_title(w(text, &toks[i - 1])) || titled_name_ahead(text, toks, i, hi));
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
pub(super) fn appositive_name(text: &str, toks: &[Tok], a: usize, b: usize, np: &Np) -> Option<Np> {
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

/// The subject of the clause that `limit` ends: "…, but Mr. Barr declined the offer, saying"
/// hangs on "Mr. Barr", not on the sentence's first subject.
pub(super) fn nearest_clause_subject(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
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
pub(super) fn comma_before(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0 && (toks[i - 1].is_punct(',') || matches!(toks[i - 1].kind, Kind::Quote(_)) && text[toks[i - 1].start..toks[i - 1].end].trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',').ends_with(','))
}

/// "He wants …, saying": a subject pronoun opening the clause (after adverbial chunks).
pub(super) fn leading_pronoun(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
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
pub(super) fn document_owner(text: &str, toks: &[Tok], s0: usize, np: Np) -> Np {
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
pub(super) fn subject_before(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Np> {
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
                    // "Dr. Kristen Lee, a behavioral science expert … who cautions": the name the
                    // description is set off after.
                    if let (Np::Unnamed { org: false, plural: false, .. }, true) = (&np, k > lo + 1 && toks[k - 1].is_punct(',')) {
                        if let Some(mut named) = np_start(text, toks, lo, k - 1).and_then(|n| analyze_np(text, toks, n, k - 1)).filter(|n| matches!(n, Np::Named { org: false, .. })) {
                            named.set_role(Some(span_text(text, toks, k, j - 1)));
                            return Some(named);
                        }
                    }
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
pub(super) fn appositive_subject(text: &str, toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
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
        // "The White House, at the time, called": a time or place phrase set off by commas.
        if ci > 0 && b - a <= 6 && is_word_where(text, toks, a, |x| x.starts_with(char::is_lowercase) && is_preposition(x)) && (a..b).all(|i| toks[i].is_word()) {
            continue;
        }
        if ci > 0 && is_word_where(text, toks, a, |x| x.len() > 5 && x.starts_with(char::is_lowercase) && x.ends_with("ing")) {
            continue; // "Mr. Trump, speaking to reporters in Florida, said"
        }
        // "But Rep. Peter King, former chairman …, said": a conjunction opening the chunk before
        // does not make it adverbial.
        let left_adverbial = ci == 0 || {
            let (la, lb) = chunks[ci - 1];
            let la = if lb > la + 1 && is_word_where(text, toks, la, |x| matches!(x, "But" | "And" | "Yet" | "So" | "Still")) { la + 1 } else { la };
            is_adverbial(text, toks, la, lb)
        };
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
pub(super) fn is_party_tag(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let words: Vec<&str> = (a..b).filter(|&i| toks[i].is_word()).map(|i| w(text, &toks[i])).collect();
    words.len() == 1 && is_party_tag_word(words[0])
}

/// "Theresa May", "Mrs May", "Will Hurd": a capitalised modal next to a name word is a name.
/// "In May Trump said" is a month: "May" counts only after a name word, "Will" also before one.
pub(super) fn modal_name_at(text: &str, toks: &[Tok], i: usize) -> bool {
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

pub(super) fn is_party_tag_word(x: &str) -> bool {
    ["D-", "R-", "I-"].iter().any(|p| x.strip_prefix(p).map_or(false, |r| r.starts_with(char::is_uppercase)))
}

pub(super) fn has_name_head(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let last = (a..b).rev().find(|&i| toks[i].is_word());
    last.map_or(false, |i| {
        let x = w(text, &toks[i]);
        is_capitalized(x) && !is_function_word(x) && !is_title(x) && (a..i).all(|j| !toks[j].is_word() || !is_preposition(w(text, &toks[j])))
    })
}

/// A leading adverbial chunk: "In a statement", "Meanwhile", "On Tuesday".
pub(super) fn is_adverbial(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let t = toks[a];
    if !t.is_word() {
        return false;
    }
    let x = w(text, &t);
    (is_preposition(x) || is_function_word(x) && !is_determiner(x) && !is_honorific(x) && !is_pronoun(x)) || (b - a == 1 && is_adverb(&x.to_lowercase()))
}

/// Where the noun phrase ending at `j` starts (walking back over names, nouns and
/// prepositional phrases inside it; stopping at a determiner, a clause break or punctuation).
pub(super) fn np_start(text: &str, toks: &[Tok], lo: usize, j: usize) -> Option<usize> {
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
pub(super) fn credit_word(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i).filter(|t| t.is_word()) else { return false };
    let x = w(text, t);
    let after_slash = i > 0 && toks[i - 1].is_punct('/');
    matches!(x, "Images" | "Photo" | "Photos" | "Pictures" | "Photography") || after_slash && matches!(x, "AFP" | "Getty" | "Reuters" | "AP" | "EPA" | "Bloomberg" | "Pool")
}

/// Token `i` opens the photographer's name of a credit: "AP Photo/Evan Rudd", "Getty Images/Jo Lee".
pub(super) fn after_credit(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2 && toks[i - 1].is_punct('/') && credit_word(text, toks, i - 2)
}

/// The subject of the clause starting at `s0` (after leading adverbial chunks), read forwards.
pub(super) fn clause_subject(text: &str, toks: &[Tok], s0: usize, limit: usize) -> Option<Np> {
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
pub(super) fn name_connector(text: &str, toks: &[Tok], i: usize) -> bool {
    let cap = |j: usize| toks.get(j).map_or(false, |t| t.is_word() && (is_capitalized(w(text, t)) || is_acronym(w(text, t))));
    let the = toks.get(i + 1).map_or(false, |t| t.is_word() && w(text, t) == "the");
    let org_or_title = i > 0 && toks[i - 1].is_word() && (is_org_word(w(text, &toks[i - 1])) || is_title(w(text, &toks[i - 1])));
    i > 0 && cap(i - 1) && org_or_title && (cap(i + 1) || the && cap(i + 2))
}

/// What kind of phrase `[a, b)` is: a name (with its role words in front), or a description.
pub(super) fn analyze_np(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Np> {
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
            let connector = is_capitalized(prev) && (is_org_word(prev) || is_title(prev) || titled_name_ahead(text, toks, i, b)) && next_cap && (x == "of" || x == "for" || x == "on");
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
        return named_np(text, toks, a, b, head_i, core_end);
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

/// A name (`head_i` is its last word, `core_end` where its core ends) with the titles and role
/// words in front of it in `[a, b)`: the name, its role, whether it is an organisation, its gender.
pub(super) fn named_np(text: &str, toks: &[Tok], a: usize, b: usize, head_i: usize, core_end: usize) -> Option<Np> {
    let head = w(text, &toks[head_i]);
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
        } else if !org_head {
            // "Vice President of Product Development Adam Mosseri", "Adviser for Communications
            // Ben Rhodes": after the title's "of"/"for" complement, a person's two last words
            // are the name when three or more capitalised words follow the preposition.
            let words: Vec<usize> = (t + 1..core_end).filter(|&i| toks[i].is_word()).collect();
            if let Some(p) = words.iter().rposition(|&i| matches!(w(text, &toks[i]), "of" | "for")) {
                n0 = name_after_complement(text, toks, &words[p + 1..]).unwrap_or(n0);
            }
        }
    } else if n0 > s && is_word_where(text, toks, n0 - 1, |x| matches!(x, "of" | "for")) && !org_head {
        // The titles and their preposition were skipped: "Adviser for | Regional Affairs Ben Rhodes".
        let words: Vec<usize> = (n0..core_end).filter(|&i| toks[i].is_word()).collect();
        n0 = name_after_complement(text, toks, &words).unwrap_or(n0);
    }
    // "President Trump and Melania Trump": two people; the name is the last one, and the titles
    // before "and" are the other person's.
    let mut role_from = a;
    if !org_head {
        if let Some(and) = (n0..head_i).rev().find(|&i| is_word_where(text, toks, i, |x| x == "and")) {
            if !(n0..and).any(|i| is_word_where(text, toks, i, is_org_word)) {
                n0 = and + 1;
                role_from = and + 1;
            }
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
    let role_text = text[toks[role_from].start.min(name_start)..name_start].trim().trim_end_matches(',').trim();
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
    // "Adam Schiff Adam Bennett SchiffHouse …": a scraped link repeating the name after it; the
    // name ends where its first word comes again ("Joe Biden Biden" at its repeated last word).
    let mut name_end = name_end;
    if !org {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() >= 3 && words[words.len() - 1] == words[words.len() - 2] {
            let cut = name.trim_end().len() - words[words.len() - 1].len();
            name.truncate(name[..cut].trim_end().len());
            name_end = name_start + name.len();
        }
        let first = name.split_whitespace().next().unwrap_or("").to_string();
        if let Some((at, _)) = name.match_indices(&format!(" {first} ")).nth(0).filter(|_| first.chars().count() > 1) {
            name.truncate(at);
            name_end = name_start + at;
        }
    }
    Some(Np::Named { name, span: Span::new(name_start, name_end), role, org, gender })
}

/// Can the words before `core_end` describe a speaker? Not a lone determiner or possessive
/// ("the", "his"), not a clause with a contraction in it ("he's", "won't", "Cruz could've"),
/// and not one bare lower-case word unless it is a plural noun ("officials", not "felt").
pub(super) fn plausible_description(text: &str, toks: &[Tok], words: &[usize], core_end: usize, head: &str) -> bool {
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

/// The full stop at `i` closes a middle initial inside a name: "Michael J. Widmer", "Brett M.
/// Kavanaugh" (a capital letter before it, a capitalised name word after it).
pub(super) fn middle_initial(text: &str, toks: &[Tok], i: usize) -> bool {
    i >= 2
        && toks[i].is_punct('.')
        && is_word_where(text, toks, i - 1, |p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
        && is_word_where(text, toks, i - 2, |p| is_capitalized(p) && !is_function_word(p))
        && is_word_where(text, toks, i + 1, |n| is_capitalized(n) && !is_function_word(n))
}

/// "a resident of Aleppo in a text message" → "a resident of Aleppo".
/// Also drops a scraped page label in front ("Story highlights Missouri Gov.") and a
/// preposition left dangling at the end ("author of" before a quoted book title).
pub(super) fn trim_role(r: &str) -> &str {
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

pub(super) fn strip_det(s: &str) -> &str {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r;
        }
    }
    s
}

/// Every printed name of the article (outside quotations), with its title or role words.
pub(super) fn collect_names(ctx: &mut Ctx, bt: &BlockToks) {
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
                } else if t.is_punct('.') && e > i && (w(text, &toks[e - 1]).contains('.') || middle_initial(text, toks, e) || is_abbreviation(w(text, &toks[e - 1])) && is_word_where(text, toks, e + 1, is_capitalized)) {
                    // "Michigan Gov. Gretchen Whitmer": the title's full stop goes on to the name.
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
pub(super) fn owner_name(text: &str, toks: &[Tok], i: usize, e: usize) -> Option<Np> {
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

/// The capitalised words after a title's "of"/"for" ("Product Development Adam Mosseri"): the
/// last two are a person's name when three or more words follow and those two are plain names.
fn name_after_complement(text: &str, toks: &[Tok], after: &[usize]) -> Option<usize> {
    let plain = |i: usize| { let x = w(text, &toks[i]); is_capitalized(x) && !is_org_word(x) && !is_title(x) && !is_function_word(x) && !is_acronym(x) };
    let capital = |i: usize| { let x = w(text, &toks[i]); is_capitalized(x) || is_acronym(x) };
    // "… John F. Kerry": a middle initial goes with the name.
    let n = after.len();
    let take = if n >= 4 && w(text, &toks[after[n - 2]]).chars().count() == 1 { 3 } else { 2 };
    (n > take && after.iter().all(|&i| capital(i)) && [after[n - take], after[n - 1]].iter().all(|&i| plain(i))).then(|| after[n - take])
}

/// A word that qualifies a title and is none alone: "Former", "First", "Deputy", "State".
fn is_title_modifier(x: &str) -> bool {
    matches!(x.to_lowercase().as_str(), "former" | "first" | "high" | "state" | "special" | "senior" | "vice" | "deputy" | "foreign" | "field" | "private" | "crown" | "executive" | "acting" | "prime" | "assistant")
}

/// A role that describes its person — a title, an office, an affiliation, a short noun phrase
/// ("spokesman for the county police", "Sen.", "a nurse") — or none. Not a participle or an
/// adverb opening a clause ("speaking", "following", "asked about the vote", "always the good
/// soldier"), not a clause ("He's blamed", "Republicans challenge", "noting that …"), not a lone
/// adjective or a cut word ("resolute", "a former co"). A second appositive ("… and a key member
/// of …") and a scraped page label in front ("CLOSE Former Trump lawyer") are cut.
pub(super) fn descriptive_role(r: &str) -> Option<String> {
    let mut words: Vec<&str> = trim_role(r).split_whitespace().collect();
    // A shouted page label: "CLOSE", "JUST WATCHED".
    let shouted = |x: &str| x.chars().count() >= 4 && x.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    while words.len() >= 2 && shouted(words[0]) && !shouted(words[1]) || words.len() >= 3 && shouted(words[0]) && shouted(words[1]) {
        words.remove(0);
    }
    // Cut at a relative clause, a dash, or a second appositive after "and a/an/the".
    if let Some(k) = (1..words.len()).find(|&k| matches!(words[k], "who" | "which" | "that" | "whose" | "whom" | "—" | "–" | "--") || words[k] == "and" && words.get(k + 1).map_or(false, |n| matches!(*n, "a" | "an" | "the" | "his" | "her"))) {
        words.truncate(k);
    }
    // "President Donald Trump and first lady": another person's title and name before "and".
    if let Some(k) = words.iter().rposition(|x| *x == "and") {
        let title_after = words.get(k + 1).map_or(false, |n| n.starts_with(char::is_lowercase) || is_title(n.trim_end_matches('.')));
        if title_after && words[..k].iter().any(|x| is_capitalized(x) && !is_title(x.trim_end_matches('.')) && !is_acronym(x)) && words[..k].iter().filter(|x| is_capitalized(x)).count() >= 2 {
            words.drain(..=k);
        }
    }
    let joined = words.join(" ");
    let whole = trim_role(&joined);
    let mut words: Vec<&str> = whole.split_whitespace().collect();
    if words.len() > 12 {
        return None;
    }
    let bare = |x: &str| x.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_string();
    // The head of the phrase starts after its determiner or possessive.
    let first = words.iter().position(|x| !is_determiner(x) && !matches!(*x, "his" | "her" | "their" | "its" | "His" | "Her" | "Their"))?;
    words.drain(..first);
    let w0 = bare(words.first()?);
    let lower0 = w0.starts_with(char::is_lowercase);
    if lower0 && (w0.ends_with("ing") || is_adverb(&w0) && !is_title(&w0) || w0.ends_with("ly")) {
        return None;
    }
    // "asked about the vote", "blamed": a participle, not a noun phrase ("retired general" is one).
    if lower0 && w0.ends_with("ed") && words.get(1).map_or(true, |n| is_preposition(n) || is_determiner(n) || !n.starts_with(char::is_lowercase)) {
        return None;
    }
    if words.iter().any(|x| is_contraction(x) || is_pronoun(x) && *x != "her" || is_finite_aux(x) || matches!(*x, "said" | "says" | "told" | "noted")) {
        return None;
    }
    // "Republicans challenge": a plural subject and its verb.
    if words.windows(2).any(|p| is_capitalized(p[0]) && is_plural_noun(p[0]) && p[1].starts_with(char::is_lowercase) && !is_preposition(p[1]) && !is_determiner(p[1])) {
        return None;
    }
    let last = bare(words.last()?);
    if last.chars().count() <= 2 && last.starts_with(char::is_lowercase) {
        return None;
    }
    // "Two weeks ago", "on Tuesday": a time, not a description.
    if words.iter().any(|x| { let b = bare(x); b == "ago" || is_time_noun(&b) || is_weekday(&b) || is_month_word(&b) }) {
        return None;
    }
    // "Senate aides": a group is no description of one person (its head is the word before
    // the first preposition).
    let head = words.iter().take_while(|x| !is_preposition(x)).last().map(|x| bare(x)).unwrap_or_default();
    if head.starts_with(char::is_lowercase) && is_plural_noun(&head) && !matches!(head.as_str(), "ass" | "boss") {
        return None;
    }
    // "Other senior", "Top congressional": modifiers with no noun after them.
    let adjective = |x: &str| {
        let l = x.to_lowercase();
        matches!(l.as_str(), "senior" | "junior" | "other" | "top" | "former" | "congressional" | "however" | "meanwhile" | "together")
            || (l.ends_with("al") && !matches!(l.as_str(), "general" | "official" | "principal" | "rival" | "liberal" | "marshal" | "admiral" | "national" | "criminal" | "professional" | "radical"))
            || (l.ends_with("ive") && !matches!(l.as_str(), "executive" | "representative" | "detective" | "relative" | "conservative" | "operative" | "native" | "progressive"))
            || l.ends_with("ous")
    };
    if adjective(&last) {
        return None;
    }
    if words.len() == 1 {
        // One word: a title ("Sen.", "Chairman"), a party member, or an agent noun ("nominee",
        // "spokeswoman", "economist"); not an adjective or a word cut from a title ("lady").
        let agent = ["er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ive", "ary", "ate", "ger", "crat", "can", "ic"].iter().any(|s| w0.to_lowercase().ends_with(s));
        let ok = if lower0 { agent && !w0.ends_with("ent") || matches!(w0.as_str(), "student" | "resident" | "president" | "agent" | "correspondent" | "regent" | "dissident") } else { is_title(&w0) && !is_honorific(&w0) && !is_title_modifier(&w0) || is_party_member(&w0) || agent || is_acronym(&w0) };
        if !ok {
            return None;
        }
    }
    Some(whole.to_string())
}

/// "Students for Life of America President Kristan Hawkins": after the preposition at `i`, the
/// organisation's name runs on (capitalised words, "of", "for", "the") to a title and a name.
fn titled_name_ahead(text: &str, toks: &[Tok], i: usize, hi: usize) -> bool {
    (i + 1..hi.min(i + 9))
        .take_while(|&j| toks[j].is_word() && (is_capitalized(w(text, &toks[j])) || matches!(w(text, &toks[j]), "of" | "for" | "the")))
        .any(|j| {
            // The title is followed by a person's name: two or three capitalised words, no
            // organisation word among them ("… Health Organization warned" is no name).
            let name: Vec<usize> = (j + 1..hi.min(j + 5)).take_while(|&k| is_word_where(text, toks, k, |n| is_capitalized(n) && !is_title(n) && !is_function_word(n))).collect();
            is_title(w(text, &toks[j])) && (2..=3).contains(&name.len()) && name.iter().all(|&k| !is_org_word(w(text, &toks[k])))
        })
}
