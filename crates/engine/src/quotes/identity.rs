//! Speaker identity across articles: one [`Speaker`] per person or organisation of the corpus
//! (unnamed sources stay per article), from the speakers each article names.

use super::{name_key, without_the, Speaker, SpeakerKind, SpeakerRef};
use crate::model::Corpus;
use super::kinds::{is_one_word, reclassified};
use std::collections::HashMap;

/// Per quotation its speaker as its article names it (article index, speaker, role): the
/// speaker index of each quotation into the returned speakers (quotes lists left empty).
pub(super) fn merge(corpus: &Corpus, refs: &[Option<(usize, SpeakerRef, Option<String>)>]) -> (Vec<Option<usize>>, Vec<Speaker>) {
    // Kinds first: a ticket, an outlet or a place printed as if a person joins no one.
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
            let key = without_the(name_key(&s.name));
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
                let key = without_the(key);
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
