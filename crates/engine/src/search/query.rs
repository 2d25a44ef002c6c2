//! The query language, parsed leniently (never an error):
//!
//! - words are ANDed: `aleppo evacuation`;
//! - `"a phrase"` (straight or curly quotes) matches consecutive words; an unbalanced quote
//!   runs to the end of the query;
//! - `-word` and `-"a phrase"` exclude articles;
//! - `OR` (upper case) or `|` between two items makes either enough: `aleppo OR mosul`;
//! - the last word, when the query does not end with a space, also matches as a prefix
//!   (the visitor is still typing) — from two letters: a single letter being typed is not
//!   read until a second letter or a space follows;
//! - two consecutive plain words also match as one joined word (`al Haj` finds `alHaj`);
//! - plain words that are very common (`the`, `of`, …) are ignored unless the query has
//!   nothing else; inside a phrase they count;
//! - stray operators (`-`, `OR` at either end, `+`) are ignored; at most [`MAX_TERMS`]
//!   words are read, the rest of a very long query is ignored;
//! - an acronym typed in capitals also matches its name, and a name spelled out its
//!   acronym (see [`super::synonyms`]).

use super::normalize::{fold, is_hyphen, is_stopword, tokenize, Token};
use super::synonyms::Synonyms;

/// Words read from one query; the rest is ignored (a hostile 10,000-character query stays fast).
pub const MAX_TERMS: usize = 32;

/// One word of a query.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TermSpec {
    /// Normalized term (as in the index).
    pub term: String,
    /// Folded word before stemming (for prefix matching).
    pub folded: String,
    /// The last word while typing: also matches terms starting with it.
    pub prefix: bool,
    /// Quoted or excluded: no typo tolerance, no prefix.
    pub exact: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Alt {
    Term(TermSpec),
    /// Normalized terms that must be consecutive.
    Phrase(Vec<String>),
}

/// Alternatives of which one must match (`OR`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Clause {
    pub alts: Vec<Alt>,
    /// A lone common word: dropped when the query has other clauses.
    pub stop: bool,
    /// An acronym with its name as alternatives (see [`super::synonyms`]).
    pub acronym: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct QueryAst {
    pub clauses: Vec<Clause>,
    pub excluded: Vec<Alt>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '〝' | '〞' | '＂' | '″')
}

struct Unit<'a> {
    text: &'a str,
    quoted: bool,
    neg: bool,
    or_before: bool,
}

/// Whether `query` has any word to search for yet (a lone letter being typed has none, see
/// [`parse`]): the page then lists reports as for an empty query.
pub fn has_words(query: &str) -> bool {
    let ast = parse(query);
    !ast.clauses.is_empty() || !ast.excluded.is_empty()
}

/// Parses a query (see the module comment) with the acronyms every corpus knows.
pub(crate) fn parse(query: &str) -> QueryAst {
    parse_with(query, Synonyms::known())
}

/// Parses a query with a corpus's acronyms.
pub(crate) fn parse_with(query: &str, synonyms: &Synonyms) -> QueryAst {
    let open_end = !query.ends_with(|c: char| c.is_whitespace() || is_quote(c));
    let mut units: Vec<Unit> = Vec::new();
    let mut rest = query;
    let mut pending_neg = false;
    let mut pending_or = false;
    let mut words = 0usize;
    while words < MAX_TERMS {
        rest = rest.trim_start();
        let Some(c) = rest.chars().next() else { break };
        if is_quote(c) {
            let body = &rest[c.len_utf8()..];
            let (text, after) = match body.find(is_quote) {
                Some(i) => (&body[..i], &body[i + body[i..].chars().next().map_or(1, char::len_utf8)..]),
                None => (body, ""),
            };
            words += text.split_whitespace().count();
            units.push(Unit { text, quoted: true, neg: pending_neg, or_before: pending_or });
            pending_neg = false;
            pending_or = false;
            rest = after;
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || is_quote(c)).unwrap_or(rest.len());
        let item = &rest[..end];
        rest = &rest[end..];
        if item == "OR" || item == "|" || item == "||" {
            pending_or = true;
            continue;
        }
        let stripped = item.trim_start_matches(|c: char| is_hyphen(c) || c == '−' || c == '+');
        let neg = item.starts_with(|c: char| is_hyphen(c) || c == '−');
        if stripped.is_empty() {
            // "-" directly before a quote negates the phrase; otherwise a stray operator.
            pending_neg = neg && rest.starts_with(is_quote);
            continue;
        }
        words += 1;
        units.push(Unit { text: stripped, quoted: false, neg, or_before: pending_or });
        pending_neg = false;
        pending_or = false;
    }
    let truncated = words >= MAX_TERMS;
    let last_open = units.len().checked_sub(1).filter(|&i| open_end && !truncated && !units[i].quoted && !units[i].neg);

    let mut ast = QueryAst::default();
    let mut last_positive = false;
    let mut budget = MAX_TERMS;
    for (k, unit) in units.iter().enumerate() {
        let mut tokens: Vec<Token> = tokenize(unit.text);
        let parts = tokens.iter().filter(|t| !t.compound).count();
        if parts > budget {
            let mut seen = 0;
            tokens.retain(|t| {
                seen += usize::from(!t.compound);
                seen <= budget
            });
        }
        budget = budget.saturating_sub(parts);
        let (parts, compounds): (Vec<Token>, Vec<Token>) = tokens.into_iter().partition(|t| !t.compound);
        if parts.is_empty() {
            continue;
        }
        let exact = unit.quoted || unit.neg;
        let mut alts = Vec::new();
        let mut stop = false;
        let mut acronym = false;
        if parts.len() == 1 {
            let t = &parts[0];
            let prefix = last_open == Some(k);
            // A word still being typed counts from two letters (a lone letter would match a
            // stray initial, or fetch the corpus's commonest words' postings to expand): until
            // then the results stay those of the words before it.
            if prefix && t.folded.chars().count() < super::MIN_PREFIX_CHARS {
                continue;
            }
            stop = !unit.quoted && !prefix && is_stopword(&t.folded);
            alts.push(Alt::Term(TermSpec { term: t.term.clone(), folded: t.folded.clone(), prefix, exact }));
            if let Some(name) = (!unit.quoted).then(|| synonyms.expansion(unit.text)).flatten() {
                alts.push(Alt::Phrase(name.to_vec()));
                stop = false;
                acronym = true;
            }
        } else {
            alts.push(Alt::Phrase(parts.iter().map(|t| t.term.clone()).collect()));
            if !unit.quoted {
                for c in compounds {
                    alts.push(Alt::Term(TermSpec { term: c.term, folded: c.folded, prefix: false, exact }));
                }
            }
        }
        if unit.neg {
            ast.excluded.extend(alts);
            last_positive = false;
            continue;
        }
        match ast.clauses.last_mut() {
            Some(last) if unit.or_before && last_positive => {
                last.alts.extend(alts);
                last.stop = false;
                last.acronym |= acronym;
            }
            _ => ast.clauses.push(Clause { alts, stop, acronym }),
        }
        last_positive = true;
    }
    join_spelled_out_names(&mut ast.clauses, synonyms);
    join_adjacent_words(&mut ast.clauses);
    if ast.clauses.iter().any(|c| !c.stop) {
        ast.clauses.retain(|c| !c.stop);
    }
    ast
}

/// Consecutive plain words spelling an acronym's name out ("united nations") become one
/// clause: the name as a phrase, or the acronym (unless it is an everyday word), see
/// [`super::synonyms`]. A word still being typed takes part once it is whole.
fn join_spelled_out_names(clauses: &mut Vec<Clause>, synonyms: &Synonyms) {
    let plain = |c: &Clause| match c.alts.as_slice() {
        [Alt::Term(t)] if !t.exact => Some(t.term.clone()),
        _ => None,
    };
    let mut i = 0;
    while i + 1 < clauses.len() {
        let run: Vec<String> = clauses[i..].iter().map_while(plain).collect();
        let words: Vec<&str> = run.iter().map(String::as_str).collect();
        let Some((len, acronym)) = synonyms.name_at(&words) else {
            i += 1;
            continue;
        };
        let mut alts = vec![Alt::Phrase(run[..len].to_vec())];
        if let Some(term) = acronym {
            alts.push(Alt::Term(TermSpec { term: term.to_string(), folded: term.to_string(), prefix: false, exact: true }));
        }
        clauses.splice(i..i + len, [Clause { alts, stop: false, acronym: true }]);
        i += 1;
    }
}

/// `al Haj` also finds `alHaj`: two consecutive plain words may be written as one in the
/// text, so each of the two clauses also accepts the joined word (exactly).
fn join_adjacent_words(clauses: &mut [Clause]) {
    let single = |c: &Clause| match c.alts.as_slice() {
        [Alt::Term(t)] if !t.exact && !c.stop => Some(t.folded.clone()),
        _ => None,
    };
    for i in 1..clauses.len() {
        let (Some(a), Some(b)) = (single(&clauses[i - 1]), single(&clauses[i])) else { continue };
        let folded = format!("{a}{b}");
        let joined = Alt::Term(TermSpec { term: super::normalize::term_of_folded(&folded), folded, prefix: false, exact: true });
        clauses[i - 1].alts.push(joined.clone());
        clauses[i].alts.push(joined);
    }
}

/// Every positive term spec of a parsed query, phrases' words included (exact).
pub(crate) fn positive_specs(ast: &QueryAst) -> Vec<TermSpec> {
    let mut out: Vec<TermSpec> = Vec::new();
    for clause in &ast.clauses {
        for alt in &clause.alts {
            match alt {
                Alt::Term(t) => out.push(t.clone()),
                Alt::Phrase(ts) => {
                    out.extend(ts.iter().map(|t| TermSpec { term: t.clone(), folded: fold(t), prefix: false, exact: true }))
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str) -> Alt {
        Alt::Term(TermSpec { term: t.into(), folded: t.into(), prefix: false, exact: false })
    }

    #[test]
    fn operators() {
        let q = parse("aleppo \"human rights\" -russia OR mosul ");
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(q.clauses[0].alts, vec![term("aleppo")]);
        assert_eq!(q.clauses[1].alts, vec![Alt::Phrase(vec!["human".into(), "right".into()])]);
        assert_eq!(q.excluded.len(), 1);
        // "OR" after a negation is not a disjunction: mosul is its own clause.
        assert_eq!(parse("a -b OR mosul ").clauses.len(), 1);
        let q = parse("aleppo OR mosul");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].alts.len(), 2);
        let q = parse("-\"human rights\" aleppo ");
        assert_eq!(q.excluded, vec![Alt::Phrase(vec!["human".into(), "right".into()])]);
        assert_eq!(q.clauses.len(), 1);
    }

    #[test]
    fn lenient() {
        for q in ["", "\"", "-", "OR", "OR OR", "- -", "\"unbalanced phrase", "+", "||", "\"\"", "-\"", "— –"] {
            let _ = parse(q);
        }
        let q = parse("the of ");
        assert_eq!(q.clauses.len(), 2, "only stopwords: kept");
        let q = parse("the siege of aleppo");
        assert_eq!(q.clauses.len(), 2);
        let long = "word ".repeat(3000);
        assert!(parse(&long).clauses.len() <= MAX_TERMS);
    }

    #[test]
    fn prefix_only_for_last_open_word() {
        let q = parse("Aleppo civ");
        match &q.clauses[1].alts[0] {
            Alt::Term(t) => assert!(t.prefix),
            _ => panic!(),
        }
        let q = parse("Aleppo civ ");
        match &q.clauses[1].alts[0] {
            Alt::Term(t) => assert!(!t.prefix),
            _ => panic!(),
        }
    }
}
