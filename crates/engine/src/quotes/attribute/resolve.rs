//! Pronoun and description resolution: which entity of the article a mention refers to
//! ("he", "the ministry", "Mr Qassem"), and the antecedents each sentence registers.

use super::*;

pub(super) fn touch(ctx: &mut Ctx, e: usize, pos: usize) {
    if ctx.entities[e].last < pos {
        ctx.entities[e].last = pos;
    }
}

/// The entity a subject phrase refers to, creating it if new.
pub(super) fn resolve(ctx: &mut Ctx, np: &Np, pos: usize, local: &[(usize, usize)]) -> Option<usize> {
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
pub(super) fn entity(ctx: &mut Ctx, key: String, name: String, kind: SpeakerKind, role: Option<String>, gender: Gender, plural: bool, pos: usize) -> usize {
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

pub(super) fn resolve_pronoun(ctx: &mut Ctx, word: &str, pos: usize, local: &[(usize, usize)]) -> Option<usize> {
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
    let found = local.iter().rev().find(|&&(e, p)| p <= pos && ok(&ctx.entities[e])).map(|&(e, _)| e).or_else(|| {
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

pub(super) fn is_org_entity(e: &Entity) -> bool {
    e.kind == SpeakerKind::Organisation || e.kind == SpeakerKind::Unnamed && e.name.rsplit(' ').next().map_or(false, is_org_noun)
}

/// What a definite description refers to.
pub(super) enum Described {
    Entity(usize),
    /// A printed name that has not spoken yet: (name, kind, role).
    Name(String, SpeakerKind, Option<String>),
}

/// "the Russian foreign minister" = the person printed as "Russia's Foreign Minister X";
/// "the office" = the latest organisation whose name has every word of the description.
pub(super) fn resolve_description(ctx: &Ctx, text: &str, org: bool, pos: usize) -> Option<Described> {
    let mut ws = text.split_whitespace();
    let det = ws.next()?;
    if !det.eq_ignore_ascii_case("the") {
        return None;
    }
    let words: Vec<&str> = ws.map(|x| x.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')).collect();
    let desc: Vec<String> = words.iter().map(|x| title_word(&name_key(x))).collect();
    if desc.is_empty() || desc.len() > 6 {
        return None;
    }
    let matches_all = |target: &str| -> bool {
        let tw: Vec<String> = target.split(|c: char| c.is_whitespace() || c == '-').map(|x| title_word(&name_key(x.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')))).collect();
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
    if let Some(found) = ctx
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == SpeakerKind::Person && e.last < pos && e.role.as_deref().map_or(false, matches_all))
        .max_by_key(|(_, e)| e.last)
        .map(|(i, _)| Described::Entity(i))
    {
        return Some(found);
    }
    // "the Michigan governor", "the Texas congressman": a place or party before the title is
    // not in the role ("Gov.", "Rep."); the title alone names the latest person holding it.
    let title: Vec<&String> = words.iter().zip(&desc).filter(|(w, _)| w.starts_with(char::is_lowercase)).map(|(_, d)| d).collect();
    if title.len() == desc.len() || title.is_empty() || !title.iter().all(|d| is_title(d) || matches!(d.as_str(), "governor" | "senator" | "congressman" | "lawmaker")) {
        return None;
    }
    let holds = |role: &str| {
        let tw: Vec<String> = role.split_whitespace().map(|x| title_word(&name_key(x.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')))).collect();
        title.iter().all(|d| tw.iter().any(|t| stem_eq(d, t)))
    };
    let entity = ctx.entities.iter().enumerate().filter(|(_, e)| e.kind == SpeakerKind::Person && e.last < pos && e.role.as_deref().map_or(false, holds)).max_by_key(|(_, e)| e.last);
    let known = ctx.known.iter().filter(|k| !k.org && k.pos < pos && k.role.as_deref().map_or(false, holds)).max_by_key(|k| k.pos);
    match (entity, known) {
        (Some((i, e)), k) if k.map_or(true, |k| k.pos <= e.last) => Some(Described::Entity(i)),
        (_, Some(k)) => {
            let canon = canonical_of(ctx, &k.name);
            Some(match ctx.by_key.get(&person_key(&canon)) {
                Some(&e) => Described::Entity(e),
                None => Described::Name(canon, SpeakerKind::Person, k.role.clone()),
            })
        }
        _ => None,
    }
}

/// A title's abbreviation as its word: "gov." → "governor", "sen." → "senator", "rep." →
/// "congressman" (as are "representative" and "congresswoman").
fn title_word(w: &str) -> String {
    match w.trim_end_matches('.') {
        "gov" => "governor",
        "sen" => "senator",
        "rep" | "representative" | "congresswoman" => "congressman",
        "gen" => "general",
        "lt" => "lieutenant",
        "sgt" => "sergeant",
        x => return x.to_string(),
    }
    .to_string()
}

pub(super) fn org_key(name: &str) -> String {
    format!("o:{}", name_key(name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)))
}

pub(super) fn person_key(name: &str) -> String {
    format!("p:{}", name_key(name))
}

/// Same word up to inflection: "russian" ~ "russia's", "get" ~ "getting".
pub(super) fn stem_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    n >= 5 || (n >= 3 && (n == la || n == lb))
}

/// The fullest printed form of a person's name: "Qassem" → "Mohammed Al Qassem".
pub(super) fn canonical_person(ctx: &Ctx, name: &str, _pos: usize) -> (String, Option<String>) {
    let c = canonical_of(ctx, name);
    let role = ctx.known.iter().find(|k| !k.org && k.name == c && k.role.is_some()).and_then(|k| k.role.clone());
    (c, role)
}

pub(super) fn canonical_of(ctx: &Ctx, name: &str) -> String {
    if let Some(c) = ctx.canonical.borrow().get(name) {
        return c.clone();
    }
    let c = fullest_form(ctx, name);
    ctx.canonical.borrow_mut().insert(name.to_string(), c.clone());
    c
}

/// The fullest printed form of `name` among the article's names (see `canonical_of`).
fn fullest_form(ctx: &Ctx, name: &str) -> String {
    let key = name_key(name);
    let toks: Vec<&str> = key.split(' ').collect();
    let last = *toks.last().unwrap_or(&"");
    let mut best: Option<&Known> = None;
    // Each first name printed with this surname, with how often.
    let mut firsts: Vec<(&str, usize)> = Vec::new();
    let candidates: Vec<&Known> = ctx
        .known
        .iter()
        .filter(|k| {
            let kt: Vec<&str> = k.key.split(' ').collect();
            // One printed word ("Obama-Biden", a ticket) is no fuller form of "Biden".
            !k.org && k.key.len() > key.len() && kt.last() == Some(&last) && toks.iter().all(|t| kt.contains(t)) && !crate::quotes::kinds::is_one_word(&k.name)
        })
        .collect();
    for k in &candidates {
        let first = k.key.split(' ').next().unwrap_or("");
        // A first name, not a sentence's first word run into the name ("Says Lee").
        if !is_cue_word(first) && !is_function_word(first) && !is_adverb(first) && !is_title(first) {
            match firsts.iter_mut().find(|(f, _)| *f == first) {
                Some(f) => f.1 += 1,
                None => firsts.push((first, 1)),
            }
        }
    }
    // "Trump" in an article printing both Donald Trump and Melania Knauss-Trump: two people
    // share the surname; the one printed more often takes it, and with a tie it stays a
    // surname (the corpus's dominant owner takes it).
    let mut only: Option<&str> = None;
    if toks.len() == 1 && firsts.len() > 1 {
        // How often the article prints each first name, alone too ("Jeb" three times, "George"
        // twice).
        for f in firsts.iter_mut() {
            let cap: String = f.0.chars().next().map(|c| c.to_uppercase().chain(f.0.chars().skip(1)).collect()).unwrap_or_default();
            f.1 = ctx.text.match_indices(&cap).filter(|(i, m)| !ctx.text[..*i].ends_with(char::is_alphanumeric) && !ctx.text[i + m.len()..].starts_with(char::is_alphanumeric)).count().max(f.1);
        }
        firsts.sort_by(|a, b| b.1.cmp(&a.1));
        if firsts[0].1 == firsts[1].1 {
            return name.to_string();
        }
        only = Some(firsts[0].0);
    }
    for k in candidates {
        if only.map_or(false, |f| !k.key.starts_with(&format!("{f} "))) {
            continue;
        }
        if best.map_or(true, |b| k.key.split(' ').count() > b.key.split(' ').count()) {
            best = Some(k);
        }
    }
    best.map_or_else(|| name.to_string(), |k| k.name.clone())
}

/// The subjects of a sentence, registered as antecedents: cue subjects (with or without a
/// quotation) and a named person opening the sentence.
/// Returns `(entity, position, speaks, mention)`: `speaks` for the subjects of cues, `mention`
/// the words naming them for the subjects found here (not for the quotations' own speakers).
pub(super) fn register_sentence(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize, local: &[(usize, usize)]) -> Vec<(usize, usize, bool, Option<Span>)> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut found: Vec<(usize, usize)> = local.to_vec();
    let mut mentions: Vec<Span> = Vec::new();
    let mut speaking: std::collections::HashSet<usize> = local.iter().map(|&(e, _)| e).collect();
    if let Some(np) = clause_subject(text, toks, s0, s1) {
        // "The Democratic presidential nominee has indicated …": a description of a person the
        // article named is that person, an antecedent like the name.
        let described = matches!(&np, Np::Unnamed { text: t, org: false, plural: false, .. } if matches!(resolve_description(ctx, t, false, np.span().start as usize), Some(Described::Entity(_)) | Some(Described::Name(_, SpeakerKind::Person, _))));
        let person_like = person_like(ctx, toks, s0, &np) || described;
        // "North Carolina, which Obama won …": a thing, not a person (people take "who").
        let which = (s0..s1).find(|&i| toks[i].start >= np.span().end as usize).map_or(false, |i| toks[i].is_punct(',') && is_word_where(text, toks, i + 1, |x| x == "which"));
        if person_like && !which {
            let pos = np.span().start as usize;
            if let Some(e) = resolve(ctx, &np, pos, &found) {
                found.push((e, pos));
                mentions.push(np.span());
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
            if let Some(c) = cue_at(text, toks, i, s0).or_else(|| speech_event(text, toks, i)) {
                if c.participle || c.according || c.object_speaker {
                    continue;
                }
                // "X returned to Twitter to explain": the clause's subject, not "X returned".
                let infinitive = i > s0 && is_word_where(text, toks, i - 1, |p| p == "to");
                // "…, says Republican strategist Eric Wilson.": an inverted cue's speaker follows it.
                // Not after "told": "…, he told FoxNews.com" names the listener.
                let inverted = (i > s0 && toks[i - 1].is_punct(',') && !is_told(&c.text)).then(|| np_forward(text, toks, i + 1, s1)).flatten().filter(|np| matches!(np, Np::Named { .. }));
                let np = if infinitive {
                    clause_subject(text, toks, s0, i)
                } else {
                    // A name before the cue ("Kristen Day, director …, asked Buttigieg") comes first.
                    let before = subject_before(text, toks, s0, i);
                    if matches!(before, Some(Np::Named { .. })) { before } else { inverted.or(before) }
                };
                let np = np.or_else(|| if i > s0 && toks[i - 1].is_punct(',') && !is_told(&c.text) { np_forward(text, toks, i + 1, s1) } else { None });
                if let Some(np) = np {
                    let np = document_owner(text, toks, s0, np);
                    let pos = np.span().start as usize;
                    if let Some(e) = resolve(ctx, &np, pos, &found) {
                        found.push((e, pos));
                        mentions.push(np.span());
                        speaking.insert(e);
                    }
                }
            }
        }
    }
    found.sort_by_key(|&(_, p)| p);
    found.into_iter().map(|(e, p)| (e, p, speaking.contains(&e), mentions.iter().find(|m| m.start as usize == p).copied())).collect()
}

/// A place opening a sentence reads like a one-word name: only names known to be people
/// (several words, an honorific, or the surname of a printed full name) count, and organisations.
pub(super) fn person_like(ctx: &Ctx, toks: &[Tok], s0: usize, np: &Np) -> bool {
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
pub(super) fn clause_subjects(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize) -> Vec<(usize, usize)> {
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
pub(super) fn clause_person(ctx: &mut Ctx, bt: &BlockToks, s0: usize, s1: usize) -> Option<(usize, usize)> {
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
    // An organisation opening the clause is the antecedent of its "it" ("The Center for
    // American Progress … posted what it called “27 myths”"); a person must look like one.
    if !matches!(np, Np::Named { .. }) || !person_like(ctx, toks, s0, &np) {
        return None;
    }
    let pos = np.span().start as usize;
    resolve(ctx, &np, pos, &[]).map(|e| (e, pos))
}

/// `Lee spoke to reporters after the vote.`, `The office released a statement on Friday.`: a
/// sentence telling that its subject spoke, with no quotation; the quoted paragraph after it is
/// the subject's (a cue a line break away).
fn speech_event(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    let x = w(text, t);
    let event = match x {
        "spoke" | "speaks" | "reacted" | "reacts" | "weighed" => true,
        // "released a statement", "issued a brief statement": a document of its own.
        "released" | "releases" | "issued" | "issues" | "sent" | "posted" => (i + 1..toks.len().min(i + 5)).take_while(|&j| toks[j].is_word()).any(|j| is_document_noun(w(text, &toks[j]))),
        _ => false,
    };
    event.then(|| Cue { text: x.to_string(), participle: false, report: false, object_speaker: false, according: false })
}
