//! Speaker identity across articles: one [`Speaker`] per person or organisation of the corpus
//! (unnamed sources stay per article), from the speakers each article names.

use super::{name_key, Speaker, SpeakerKind, SpeakerRef};
use crate::model::Corpus;
use super::words::is_party_member;
use std::collections::{HashMap, HashSet};

/// Per quotation its speaker as its article names it (article index, speaker, role): the
/// speaker index of each quotation into the returned speakers (quotes lists left empty).
pub(super) fn merge(corpus: &Corpus, refs: &[Option<(usize, SpeakerRef, Option<String>)>]) -> (Vec<Option<usize>>, Vec<Speaker>) {
    let refs = &reclassified(corpus, refs);
    let mut ids = vec![None; refs.len()];
    // One key per speaker: people by full name (a lone surname joins the one full name that
    // ends with it), organisations by name without "the", unnamed sources per article.
    // "Donald J. Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton": a
    // name with a middle initial or name joins the same name without it, when every middle
    // that goes with that first and last name agrees with it.
    let initialed: HashMap<String, String> = {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (_, s, _) in refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person) {
            *counts.entry(name_key(&s.name)).or_default() += 1;
        }
        let persons: std::collections::HashSet<String> = counts.keys().cloned().collect();
        // "Joseph R. Biden" and "Joe Biden": the plain name may be printed with a short form of
        // the first name (the nickname step below then joins "Joseph Biden" to "Joe Biden").
        let plain_by_formal: HashMap<String, &String> = persons.iter().filter(|k| k.split(' ').count() == 2).map(|k| (formal_name(k), k)).collect();
        let mut variants: HashMap<String, Vec<String>> = HashMap::new();
        for key in &persons {
            // At most two middle words: longer runs are scraped text, not a name.
            let bare = without_middle(key).filter(|_| key.split(' ').count() <= 4);
            // Through a short first name only with initials between ("Will Hillary Clinton", a
            // headline's words, is not "Bill Clinton").
            if let Some(bare) = bare.filter(|b| persons.contains(b) || only_initials_between(key) && plain_by_formal.contains_key(&formal_name(b))) {
                let v = variants.entry(bare).or_default();
                if !v.contains(key) {
                    v.push(key.clone());
                }
            }
        }
        // Middles that agree letter by letter are one person ("Adam B. Schiff", "Adam Bennett
        // Schiff"); of middles that do not ("George W. Bush", "George H. W. Bush"), one quoted at
        // least twice as often as the next takes the plain name, and the others stay apart.
        let initials = |k: &str| -> String {
            let w: Vec<&str> = k.split(' ').collect();
            w[1..w.len() - 1].iter().filter_map(|m| m.chars().next()).collect()
        };
        let mut joined = HashMap::new();
        for (bare, v) in variants {
            let mut by_initials: HashMap<String, usize> = HashMap::new();
            for k in &v {
                *by_initials.entry(initials(k)).or_default() += counts[k];
            }
            let mut ranked: Vec<(&String, &usize)> = by_initials.iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            // Only a clear majority: twice the quotations of the next middle.
            if ranked.len() > 1 && *ranked[0].1 < 2 * *ranked[1].1 {
                continue;
            }
            let best = ranked[0].0.clone();
            for k in v.into_iter().filter(|k| initials(k) == best) {
                joined.insert(k, bare.clone());
            }
        }
        joined
    };
    // "Chuck E. Schumer" and "Charles E. Schumer", "Chuck Schumer" and "Charles Schumer": a
    // common short form of a first name with the same surname (and middles) is the same person;
    // the more quoted form is the key.
    let nicknamed: HashMap<String, String> = {
        let mut by_formal: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (_, s, _) in refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person) {
            let key = name_key(&s.name);
            let key = initialed.get(&key).cloned().unwrap_or(key);
            *counts.entry(key).or_default() += 1;
        }
        for (key, n) in counts {
            if key.contains(' ') {
                by_formal.entry(formal_name(&key)).or_default().push((key, n));
            }
        }
        let mut m = HashMap::new();
        for (_, mut v) in by_formal.into_iter().filter(|(_, v)| v.len() > 1) {
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            for (k, _) in &v[1..] {
                m.insert(k.clone(), v[0].0.clone());
            }
        }
        m
    };
    let person_key = |name: &str| -> String {
        let key = name_key(name);
        let key = initialed.get(&key).cloned().unwrap_or(key);
        nicknamed.get(&key).cloned().unwrap_or(key)
    };
    // Full names (two words or more) by their last word, with their number of quotations. A
    // hyphenated surname alone ("Ocasio-Cortez") is two words as a key, but no full name.
    let full_by_last: HashMap<String, Vec<(String, usize)>> = {
        let mut m: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for (_, s, _) in refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person && !is_one_word(&s.name)) {
            let key = person_key(&s.name);
            if let Some((_, last)) = key.rsplit_once(' ') {
                let v = m.entry(last.to_string()).or_default();
                match v.iter_mut().find(|(k, _)| *k == key) {
                    Some(e) => e.1 += 1,
                    None => v.push((key, 1)),
                }
            }
        }
        m
    };
    // The title and office words each full name is given ("president", "senator", "governor").
    let titled: HashMap<String, Vec<String>> = {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (_, s, role) in refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person) {
            let key = person_key(&s.name);
            if key.contains(' ') {
                let v = m.entry(key).or_default();
                for w in title_words(role.as_deref()) {
                    if !v.contains(&w) {
                        v.push(w);
                    }
                }
            }
        }
        m
    };
    // A lone surname ("Trump", "Obama") the article never prints in full joins the full name
    // with that surname: the only one, or the dominant one across the corpus, weighed by
    // co-occurrence (a full name whose first name the article prints counts ten times).
    // The capitalised words each article prints, read once per article that needs them.
    let printed_words: std::cell::RefCell<HashMap<usize, std::rc::Rc<std::collections::HashSet<String>>>> = Default::default();
    let words_of = |a: usize| -> std::rc::Rc<std::collections::HashSet<String>> {
        if let Some(w) = printed_words.borrow().get(&a) {
            return w.clone();
        }
        let set: std::collections::HashSet<String> = corpus.articles[a].text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(char::is_uppercase)).map(str::to_string).collect();
        let set = std::rc::Rc::new(set);
        printed_words.borrow_mut().insert(a, set.clone());
        set
    };
    let dominant_owner = |a: usize, key: &str, role: &[String]| -> Option<String> {
        let v = full_by_last.get(key)?;
        if v.len() == 1 {
            return Some(v[0].0.clone());
        }
        // "President Clinton", "Gov. Bush": the title picks among the people of that surname.
        let holders: Vec<&(String, usize)> = v.iter().filter(|(k, _)| !role.is_empty() && titled.get(k).map_or(false, |t| role.iter().any(|r| t.contains(r)))).collect();
        let v: Vec<(String, usize)> = if holders.is_empty() { v.clone() } else { holders.into_iter().cloned().collect() };
        if v.len() == 1 {
            return Some(v[0].0.clone());
        }
        let words = words_of(a);
        let mut scored: Vec<(usize, &str)> = v
            .iter()
            .map(|(k, n)| {
                let first = k.split(' ').next().unwrap_or("");
                let printed = first.chars().count() > 1 && words.contains(&capitalised(first));
                (n * if printed { 10 } else { 1 }, k.as_str())
            })
            .collect();
        scored.sort_by(|x, y| y.0.cmp(&x.0));
        (scored[0].0 >= 2 * scored[1].0).then(|| scored[0].1.to_string())
    };
    // Once per article and surname: an article quotes "Trump" many times.
    let owners: std::cell::RefCell<HashMap<(usize, String, Vec<String>), Option<String>>> = Default::default();
    let surname_owner = |a: usize, key: &str, role: Option<&str>| -> Option<String> {
        let memo = (a, key.to_string(), title_words(role));
        if let Some(known) = owners.borrow().get(&memo) {
            return known.clone();
        }
        let owner = dominant_owner(a, key, &memo.2);
        owners.borrow_mut().insert(memo, owner.clone());
        owner
    };
    // Each article's organisation keys (without "the").
    let orgs_in: HashMap<usize, Vec<String>> = {
        let mut m: HashMap<usize, Vec<String>> = HashMap::new();
        for (a, s, _) in refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Organisation) {
            let key = name_key(&s.name);
            let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
            let v = m.entry(*a).or_default();
            if !v.contains(&key) {
                v.push(key);
            }
        }
        m
    };
    let key_of = |a: usize, s: &SpeakerRef, role: Option<&str>| -> String {
        let key = if s.kind == SpeakerKind::Person { person_key(&s.name) } else { name_key(&s.name) };
        match s.kind {
            SpeakerKind::Person if !key.contains(' ') => surname_owner(a, &key, role).unwrap_or(key),
            // "Ocasio-Cortez" alone: the one full name that ends with it.
            SpeakerKind::Person if is_one_word(&s.name) => {
                let last = key.rsplit(' ').next().unwrap_or_default();
                let tail = format!(" {key}");
                let owners: Vec<&String> = full_by_last.get(last).map(|v| v.iter().map(|(k, _)| k).filter(|k| k.ends_with(&tail)).collect()).unwrap_or_default();
                if owners.len() == 1 { owners[0].clone() } else { key }
            }
            SpeakerKind::Person => key,
            SpeakerKind::Organisation => {
                let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
                // "the Post" in an article quoting "The Washington Post": the one organisation of
                // that article whose name ends with it.
                let longer: Vec<&String> = if key.contains(' ') { Vec::new() } else { orgs_in.get(&a).map(|v| v.iter().filter(|k| k.ends_with(&format!(" {key}"))).collect()).unwrap_or_default() };
                if longer.len() == 1 { longer[0].clone() } else { key }
            }
            SpeakerKind::Unnamed => format!("{a}\u{1}{key}"),
        }
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut forms: HashMap<usize, Vec<String>> = HashMap::new();
    let mut roles: HashMap<usize, Vec<String>> = HashMap::new();
    let mut kinds: HashMap<usize, Vec<SpeakerKind>> = HashMap::new();
    for (i, r) in refs.iter().enumerate() {
        let Some((a, s, role)) = r else { continue };
        let key = key_of(*a, s, role.as_deref());
        let id = *by_key.entry(key).or_insert_with(|| {
            speakers.push(Speaker { name: s.name.clone(), role: None, kind: s.kind, aliases: Vec::new(), quotes: Vec::new() });
            speakers.len() - 1
        });
        let sp = &mut speakers[id];
        if s.name.chars().count() > sp.name.chars().count() && s.kind != SpeakerKind::Unnamed {
            sp.name = s.name.clone();
        }
        if let Some(r) = role {
            roles.entry(id).or_default().push(r.clone());
        }
        ids[i] = Some(id);
        kinds.entry(id).or_default().push(s.kind);
        if s.kind != SpeakerKind::Unnamed {
            forms.entry(id).or_default().push(s.name.clone());
        }
    }
    for (id, names) in forms {
        speakers[id].aliases = aliases(&speakers[id].name, names);
    }
    for (id, rs) in roles {
        speakers[id].role = most_frequent(rs);
    }
    // A person some articles took for an organisation ("Clinton said" after "the Clinton
    // campaign") is what most of its quotations say.
    for (id, ks) in kinds {
        let people = ks.iter().filter(|&&k| k == SpeakerKind::Person).count();
        let orgs = ks.iter().filter(|&&k| k == SpeakerKind::Organisation).count();
        if speakers[id].kind != SpeakerKind::Unnamed {
            speakers[id].kind = if people >= orgs { SpeakerKind::Person } else { SpeakerKind::Organisation };
        }
    }
    // An organisation's "role" is most often its spokesperson's or a neighbour's words ("White
    // House, President Obama's …"): the index shows roles for people only.
    for sp in speakers.iter_mut().filter(|sp| sp.kind == SpeakerKind::Organisation) {
        sp.role = None;
    }
    (ids, speakers)
}

/// A one-word "person" the corpus itself shows is something else:
/// - "Obama-Biden", "Romney-Ryan": one hyphenated word whose every part is the surname of
///   someone the corpus names in full is a ticket or an administration ("the Obama-Biden
///   campaign said"), not a person whose first name is Obama, who would then claim the
///   article's lone "Biden": an organisation. ("Ocasio-Cortez": "ocasio" is nobody's surname;
///   "Rawlings-Blake" is printed in full as Stephanie Rawlings-Blake.)
/// - "Politico said": the name of an outlet of the corpus is an organisation, and so is a place
///   ("Texas said", "China says": the corpus prints it after "in", "from"...; see [`Uses`]).
/// - "Critics said", "Officials say", "Republican said": a word the corpus prints in lower case
///   in the middle of sentences more often than capitalised, or a party's member, is a
///   description of sources, as "critics" would be (unnamed).
/// Neither applies to the surname of someone the corpus names in full ("Bloomberg", "Hill",
/// "Young").
fn reclassified(corpus: &Corpus, refs: &[Option<(usize, SpeakerRef, Option<String>)>]) -> Vec<Option<(usize, SpeakerRef, Option<String>)>> {
    let people = || refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person);
    let surnames: HashSet<String> = people().filter(|(_, s, _)| !is_one_word(&s.name)).filter_map(|(_, s, _)| name_key(&s.name).rsplit_once(' ').map(|(_, last)| last.to_string())).collect();
    // Hyphenated surnames printed with a first name ("Stephanie Rawlings-Blake").
    let hyphenated: HashSet<String> = people().filter(|(_, s, _)| !is_one_word(&s.name)).filter_map(|(_, s, _)| s.name.split_whitespace().last().filter(|w| w.contains(['-', '‑'])).map(name_key)).collect();
    let outlets: HashSet<String> = corpus.articles.iter().map(|a| without_the(name_key(&a.meta.outlet))).collect();
    let lone: HashSet<String> = people().filter(|(_, s, _)| is_one_word(&s.name)).map(|(_, s, _)| name_key(&s.name)).filter(|k| !k.contains(' ') && !surnames.contains(k)).collect();
    let uses = word_uses(corpus, &lone);
    let kind_of = |s: &SpeakerRef| -> SpeakerKind {
        if s.kind != SpeakerKind::Person || !is_one_word(&s.name) {
            return s.kind;
        }
        let key = name_key(&s.name);
        if key.contains(' ') {
            let ticket = key.split(' ').all(|part| surnames.contains(part)) && !hyphenated.contains(&key);
            return if ticket { SpeakerKind::Organisation } else { s.kind };
        }
        if surnames.contains(&key) {
            // "Bloomberg", "Hill": a lone surname of someone named in full, though an outlet's
            // name or a common word too.
            s.kind
        } else if outlets.contains(&key) || uses.get(key.as_str()).is_some_and(Uses::place) {
            SpeakerKind::Organisation
        } else if uses.get(key.as_str()).is_some_and(Uses::common) || is_party_member(&key) || key.strip_suffix('s').is_some_and(is_party_member) {
            SpeakerKind::Unnamed
        } else {
            s.kind
        }
    };
    refs.iter().map(|r| r.as_ref().map(|(a, s, role)| (*a, SpeakerRef { name: s.name.clone(), kind: kind_of(s) }, role.clone()))).collect()
}

/// How a corpus prints a word in the middle of sentences (after a word or a comma).
#[derive(Clone, Copy, Default)]
struct Uses {
    lower: usize,
    capitalised: usize,
    /// Capitalised, after "in", "from", "across" or "throughout", and not possessive ("in Texas").
    placed: usize,
}

impl Uses {
    /// Printed in lower case more than twice as often as capitalised, at least three times: a
    /// common word, not a name ("critics", "officials"; not "March", capitalised mid-sentence).
    fn common(&self) -> bool {
        self.lower >= 3 && self.lower > 2 * self.capitalised
    }

    /// A tenth of its capitalised uses, at least three, after a preposition of place: a place
    /// ("Texas", "China"), whose "said" is its government's. (In the 10k bench corpus places
    /// come 14 to 51 % of the time after one, the names of people 0 to 2 %.)
    fn place(&self) -> bool {
        self.placed >= 3 && 10 * self.placed >= self.capitalised
    }
}

/// How the corpus prints each of `words` (lower case) mid-sentence.
fn word_uses<'w>(corpus: &Corpus, words: &'w HashSet<String>) -> HashMap<&'w str, Uses> {
    // Most words of a text are none of `words`: their first letters and lengths say so
    // before a lower-case copy is made and looked up.
    let mut firsts = [false; 128];
    let mut lengths = 0u64;
    for w in words {
        let Some(&b) = w.as_bytes().first() else { continue };
        if b < 128 {
            firsts[b as usize] = true;
        }
        lengths |= 1 << w.len().min(63);
    }
    let maybe = |w: &str| {
        let first = w.as_bytes()[0].to_ascii_lowercase();
        (first >= 128 || firsts[first as usize]) && lengths & (1 << w.len().min(63)) != 0
    };
    let mut seen: HashMap<&str, Uses> = HashMap::new();
    for counted in crate::par::map(corpus.articles.iter(), |a| mid_sentence_uses(&a.text, words, &maybe)) {
        for (k, u) in counted {
            let e = seen.entry(k).or_default();
            e.lower += u.lower;
            e.capitalised += u.capitalised;
            e.placed += u.placed;
        }
    }
    seen
}

/// [`word_uses`] of one text; `maybe` is false for most words that are none of `words`.
fn mid_sentence_uses<'w>(text: &str, words: &'w HashSet<String>, maybe: &impl Fn(&str) -> bool) -> HashMap<&'w str, Uses> {
    let mut seen: HashMap<&str, Uses> = HashMap::new();
    let mut lower = String::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                start = None;
                let w = &text[b..i];
                if !maybe(w) {
                    continue;
                }
                let before = text[..b].trim_end_matches(' ');
                if !before.ends_with(|p: char| p.is_alphanumeric() || p == ',') {
                    continue;
                }
                lower.clear();
                lower.extend(w.chars().flat_map(char::to_lowercase));
                if let Some(k) = words.get(&lower) {
                    let e = seen.entry(k.as_str()).or_default();
                    if w.starts_with(char::is_lowercase) {
                        e.lower += 1;
                    } else {
                        e.capitalised += 1;
                        let previous = before.rsplit(|p: char| !p.is_alphabetic()).next().unwrap_or_default();
                        let possessive = text[i..].starts_with(['\'', '’']);
                        if !possessive && matches!(previous, "in" | "from" | "across" | "throughout") {
                            e.placed += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    seen
}

/// "the guardian" → "guardian".
fn without_the(key: String) -> String {
    key.strip_prefix("the ").map(str::to_string).unwrap_or(key)
}

/// A name printed as one word (a lone surname, hyphenated or not).
fn is_one_word(name: &str) -> bool {
    !name.trim().contains(char::is_whitespace)
}

/// Whether every word between a name key's first and last is an initial ("joseph r. biden").
fn only_initials_between(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.len() > 2 && words[1..words.len() - 1].iter().all(|w| w.trim_end_matches('.').chars().count() == 1)
}

/// A name key with its first name in full ("joe r. biden" → "joseph r. biden").
fn formal_name(key: &str) -> String {
    match key.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", formal_first(first)),
        None => key.to_string(),
    }
}

/// A name key without its middle words ("donald j. trump" → "donald trump", "hillary rodham
/// clinton" → "hillary clinton", "sarah huckabee sanders" → "sarah sanders"), if it has any. The
/// first and last words stay, so "J. Smith" and "Smith J." keep their initials.
fn without_middle(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let n = words.len();
    let initial = |w: &str| {
        let l = w.trim_end_matches('.');
        l.chars().count() == 1 && l.chars().all(char::is_alphabetic)
    };
    (n >= 3 && !initial(words[0])).then(|| format!("{} {}", words[0], words[n - 1]))
}

/// The forms of a speaker's name other than `name`, one per name key, most frequent first.
fn aliases(name: &str, forms: Vec<String>) -> Vec<String> {
    let own = name_key(name);
    let mut counted = count_by(forms.into_iter().filter(|f| name_key(f) != own), name_key);
    counted.sort_by(|a, b| b.1.cmp(&a.1));
    counted.into_iter().map(|(f, _)| f).collect()
}

/// The role given most often (compared without case or a leading article); the first of equals.
fn most_frequent(roles: Vec<String>) -> Option<String> {
    let key = |r: &str| {
        let l = r.to_lowercase();
        ["the ", "a ", "an "].iter().find_map(|d| l.strip_prefix(d).map(str::to_string)).unwrap_or(l)
    };
    let counted = count_by(roles.into_iter(), key);
    let best = counted.iter().map(|c| c.1).max()?;
    counted.into_iter().find(|c| c.1 == best).map(|c| c.0)
}

/// Each distinct item (by `key`, the first form seen standing for it) with how often it comes,
/// in order of first appearance.
fn count_by(items: impl Iterator<Item = String>, key: impl Fn(&str) -> String) -> Vec<(String, usize)> {
    let mut counted: Vec<(String, String, usize)> = Vec::new();
    for item in items {
        let k = key(&item);
        match counted.iter_mut().find(|(x, _, _)| *x == k) {
            Some(c) => c.2 += 1,
            None => counted.push((k, item, 1)),
        }
    }
    counted.into_iter().map(|(_, item, n)| (item, n)).collect()
}

/// "donald" → "Donald".
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}


/// The title and office words of a role, lower case and spelled out: "Former Sen." →
/// ["senator"], "President" → ["president"]; no modifiers, places or articles.
fn title_words(role: Option<&str>) -> Vec<String> {
    let Some(role) = role else { return Vec::new() };
    let mut out: Vec<String> = Vec::new();
    for w in role.split_whitespace() {
        let l = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let l = match l.as_str() {
            "sen" => "senator".to_string(),
            "gov" => "governor".to_string(),
            "rep" | "representative" | "congresswoman" => "congressman".to_string(),
            _ => l,
        };
        let office = matches!(l.as_str(), "president" | "senator" | "governor" | "congressman" | "secretary" | "minister" | "mayor" | "judge" | "justice" | "speaker" | "leader" | "director" | "chairman" | "ambassador" | "candidate" | "nominee" | "lady" | "attorney" | "general" | "adviser" | "spokesman" | "spokeswoman");
        if office && !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

/// The formal first name of a common English short form ("chuck" → "charles", "bill" →
/// "william"); any other name as it is.
fn formal_first(w: &str) -> &str {
    match w {
        "chuck" | "charlie" => "charles",
        "bill" | "will" | "billy" => "william",
        "bob" | "bobby" | "rob" => "robert",
        "mike" => "michael",
        "jim" | "jimmy" => "james",
        "joe" => "joseph",
        "tom" => "thomas",
        "dick" | "rick" => "richard",
        "ted" | "ed" => "edward",
        "dan" => "daniel",
        "dave" => "david",
        "steve" => "steven",
        "tony" => "anthony",
        "liz" | "beth" => "elizabeth",
        "pat" => "patrick",
        "jon" => "jonathan",
        "nick" => "nicholas",
        "andy" => "andrew",
        "ben" => "benjamin",
        "sam" => "samuel",
        "kate" | "katie" => "katherine",
        _ => w,
    }
}
