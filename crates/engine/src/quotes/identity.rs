//! Speaker identity across articles: one [`Speaker`] per person or organisation of the corpus
//! (unnamed sources stay per article), from the speakers each article names.

use super::{name_key, Speaker, SpeakerKind, SpeakerRef};
use std::collections::HashMap;

/// Per quotation its speaker as its article names it (article index, speaker, role): the
/// speaker index of each quotation into the returned speakers (quotes lists left empty).
pub(super) fn merge(refs: &[Option<(usize, SpeakerRef, Option<String>)>]) -> (Vec<Option<usize>>, Vec<Speaker>) {
    let mut ids = vec![None; refs.len()];
    // One key per speaker: people by full name (a lone surname joins the one full name that
    // ends with it), organisations by name without "the", unnamed sources per article.
    // "Donald J. Trump" and "Donald Trump": a name with a middle initial joins the same name
    // without it, when no other initial goes with that first and last name.
    let initialed: HashMap<String, String> = {
        let persons: std::collections::HashSet<String> = refs.iter().flatten().filter(|(_, s, _)| s.kind == SpeakerKind::Person).map(|(_, s, _)| name_key(&s.name)).collect();
        let mut variants: HashMap<String, Vec<String>> = HashMap::new();
        for key in &persons {
            if let Some(bare) = without_initials(key).filter(|b| persons.contains(b)) {
                let v = variants.entry(bare).or_default();
                if !v.contains(key) {
                    v.push(key.clone());
                }
            }
        }
        variants.into_iter().filter(|(_, v)| v.len() == 1).map(|(bare, mut v)| (v.pop().expect("one variant"), bare)).collect()
    };
    let person_key = |name: &str| -> String {
        let key = name_key(name);
        initialed.get(&key).cloned().unwrap_or(key)
    };
    let full_by_last: HashMap<String, Vec<String>> = {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (_, s, _) in refs.iter().flatten() {
            let key = if s.kind == SpeakerKind::Person { person_key(&s.name) } else { name_key(&s.name) };
            if s.kind == SpeakerKind::Person && key.contains(' ') {
                let last = key.rsplit(' ').next().unwrap_or("").to_string();
                let v = m.entry(last).or_default();
                if !v.contains(&key) {
                    v.push(key);
                }
            }
        }
        m
    };
    let key_of = |a: usize, s: &SpeakerRef| -> String {
        let key = if s.kind == SpeakerKind::Person { person_key(&s.name) } else { name_key(&s.name) };
        match s.kind {
            SpeakerKind::Person => match full_by_last.get(&key) {
                Some(v) if !key.contains(' ') && v.len() == 1 => v[0].clone(),
                _ => key,
            },
            SpeakerKind::Organisation => key.strip_prefix("the ").unwrap_or(&key).to_string(),
            SpeakerKind::Unnamed => format!("{a}\u{1}{key}"),
        }
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut forms: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, r) in refs.iter().enumerate() {
        let Some((a, s, role)) = r else { continue };
        let key = key_of(*a, s);
        let id = *by_key.entry(key).or_insert_with(|| {
            speakers.push(Speaker { name: s.name.clone(), role: None, kind: s.kind, aliases: Vec::new(), quotes: Vec::new() });
            speakers.len() - 1
        });
        let sp = &mut speakers[id];
        if s.name.chars().count() > sp.name.chars().count() && s.kind != SpeakerKind::Unnamed {
            sp.name = s.name.clone();
        }
        if sp.role.is_none() {
            sp.role = role.clone();
        }
        ids[i] = Some(id);
        if s.kind != SpeakerKind::Unnamed {
            forms.entry(id).or_default().push(s.name.clone());
        }
    }
    for (id, names) in forms {
        speakers[id].aliases = aliases(&speakers[id].name, names);
    }
    (ids, speakers)
}

/// A name key without its middle initials ("donald j. trump" → "donald trump"), if it has any.
/// The first and last words stay, so "J. Smith" and "Smith J." keep their initials.
fn without_initials(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let initial = |w: &str| {
        let l = w.trim_end_matches('.');
        l.chars().count() == 1 && l.chars().all(char::is_alphabetic)
    };
    let n = words.len();
    let kept: Vec<&str> = words.iter().enumerate().filter(|&(i, w)| i == 0 || i == n - 1 || !initial(w)).map(|(_, w)| *w).collect();
    (kept.len() < n && kept.len() >= 2 && !initial(kept[0])).then(|| kept.join(" "))
}


/// The forms of a speaker's name other than `name`, one per name key, most frequent first.
fn aliases(name: &str, forms: Vec<String>) -> Vec<String> {
    let own = name_key(name);
    let mut counted: Vec<(String, String, usize)> = Vec::new();
    for f in forms {
        let key = name_key(&f);
        if key == own {
            continue;
        }
        match counted.iter_mut().find(|(k, _, _)| *k == key) {
            Some(c) => c.2 += 1,
            None => counted.push((key, f, 1)),
        }
    }
    counted.sort_by(|a, b| b.2.cmp(&a.2));
    counted.into_iter().map(|(_, f, _)| f).collect()
}
