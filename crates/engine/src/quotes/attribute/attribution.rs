//! The attribution stage: reads an article block by block, sentence by sentence, and gives each
//! quotation its kind and its speaker (a cue in reach, a credit line, the paragraph's speaker).

use super::*;

pub(super) fn is_headline_like(k: BlockKind) -> bool {
    matches!(k, BlockKind::Headline | BlockKind::Standfirst | BlockKind::Subheading)
}

pub(super) fn scanned(k: BlockKind) -> bool {
    matches!(k, BlockKind::Paragraph | BlockKind::Caption | BlockKind::PullQuote) || is_headline_like(k)
}

pub(in crate::quotes) fn extract(article: &Article) -> Vec<ArticleQuote> {
    let text = article.text.as_str();
    let blocks = &article.blocks;
    let (per_block, headline_block) = read_blocks(article);

    let mut ctx = Ctx { text, known: Vec::new(), entities: Vec::new(), by_key: HashMap::new(), in_headline: false, canonical: Default::default() };
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
        // The person the previous sentence of this paragraph was about ("Sessions cleared up the
        // confusion. “I would have gladly reported …”"), when it had no quotation of its own.
        let mut prev_subject: Option<Attr> = None;
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
                // After quotations with no speaker (a show's name, a scare quote), the cue before
                // them still reaches this one: `said on “Morning Joe” that it is a “crime”`.
                let lo = if n == 0 || sentence_attr.is_none() { s0 } else { quotes[n - 1] + 1 };
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
                        // Same speaker, same mention: the one the attribution hangs on.
                        attr = Some(Attr { cue: None, ..a.clone() });
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
                    if attr.is_none() && qt == s0 && speech && paragraph {
                        attr = prev_subject.clone();
                    }
                    // A continuation keeps the mention that carries the attribution (issue 4's
                    // `speaker_start`/`speaker_end`), but no cue of its own.
                    if let Some(a) = &mut attr {
                        a.cue = None;
                        inherited = true;
                    }
                }
                let kind = if headline {
                    QuoteKind::Headline
                } else if speech && (attr.is_some() || unresolved.is_some() || para_unresolved && para_speaker.is_none() || word_count(&text[m.inner.range()]) > 3) {
                    QuoteKind::Speech
                } else if (attr.is_some() || unresolved.is_some()) && !name_given(text, bt, qt) && (attr.as_ref().map_or(false, |a| a.cue.is_some()) || !modifier_quote(text, bt, qt)) {
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
            let registered = register_sentence(&mut ctx, bt, s0, s1, &local);
            prev_subject = if quotes.is_empty() {
                registered.first().filter(|r| r.3.is_some() && ctx.entities[r.0].kind == SpeakerKind::Person).map(|r| Attr { entity: r.0, mention: r.3, role: None, cue: None })
            } else {
                None
            };
            for (e, pos, speaks, mention) in registered {
                let replace = para_speaker.as_ref().map_or(true, |p| p.entity != e);
                if speaks && replace && paragraph {
                    para_speaker = Some(Attr { entity: e, mention, role: None, cue: None });
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

    finish(&ctx, out, attrs, unresolved_cues)
}

/// Each block's quotation marks, tokens and sentences (`None` for blocks not read), and which
/// blocks are headlines.
fn read_blocks(article: &Article) -> (Vec<Option<BlockToks>>, Vec<bool>) {
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
    (per_block, headline_block)
}

/// Each quotation with its attribution: speaker, mention, role and cue.
fn finish(ctx: &Ctx, out: Vec<ArticleQuote>, attrs: Vec<Option<Attr>>, unresolved_cues: Vec<Option<(Span, String)>>) -> Vec<ArticleQuote> {
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
                q.role = a.role.and_then(|r| descriptive_role(&r)).or_else(|| e.role.as_deref().and_then(descriptive_role));
                q.cue = a.cue;
            }
            q
        })
        .collect()
}

pub(super) fn quote_of(block: usize, m: &Mark, kind: QuoteKind) -> ArticleQuote {
    ArticleQuote { span: m.inner, block, speaker: None, mention: None, role: None, cue: None, kind, repeat_of: None }
}

/// A quotation of a dozen words or more that ends a sentence of its own is quoted speech or
/// writing wherever it stands ("Many posit that “At the end of it, … eroded.”"), never a label.
pub(super) fn long_sentence(inner: &str) -> bool {
    word_count(inner) >= 12 && matches!(inner.trim_end().trim_end_matches(['’', '\'', '”', '"', ' ']).chars().last(), Some('.' | '!' | '?' | '…'))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn find_attr(ctx: &mut Ctx, bt: &BlockToks, qt: usize, lo: usize, hi: usize, s0: usize, speech: bool, local: &mut Vec<(usize, usize)>, sentence_attr: Option<&Attr>, unresolved: &mut Option<(Span, String)>) -> Option<Attr> {
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
    let (cue, np) = match chosen.or_else(|| trailing_cue(text, bt, qt)).or_else(|| next_sentence_cue(ctx, bt, qt)) {
        Some(c) => c,
        None => return colon_subject(ctx, bt, qt, s0, local),
    };
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

/// "- Name, role" beside a pull quote.
pub(super) fn credit_speaker(ctx: &mut Ctx, span: Span) -> Option<Attr> {
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
pub(super) fn dash_credit(ctx: &mut Ctx, bt: &BlockToks, qt: usize) -> Option<Attr> {
    let text = ctx.text;
    let toks = &bt.toks;
    let mut k = qt + 1;
    while k < toks.len() && matches!(toks[k].kind, Kind::Punct('—' | '–' | '-')) {
        k += 1;
    }
    if k == qt + 1 || k >= toks.len() || toks.len() - k > 16 {
        return None;
    }
    // "— editorial, New York Post": a paper's own voice.
    if is_word_where(text, toks, k, |x| matches!(x, "editorial" | "op-ed" | "column")) && toks.get(k + 1).map_or(false, |t| t.is_punct(',')) {
        k += 2;
    }
    let np = np_forward(text, toks, k, toks.len())?;
    let end = (k..toks.len()).find(|&i| toks[i].start >= np.span().end as usize).unwrap_or(toks.len());
    // "— Gianpaolo Baiocchi and H. Jacob Carlson, New York Times": the first author speaks.
    let co_author = is_word_where(text, toks, end, |x| x == "and") && is_word_where(text, toks, end + 1, is_capitalized);
    let credit_ends = end == toks.len() || co_author || matches!(toks[end].kind, Kind::Punct(',' | '(' | '.'));
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
/// `Assad: Trump shows nothing 'concrete' in ISIS effort`: a name opening the headline before a
/// colon speaks every quotation after it.
pub(super) fn colon_speaker(ctx: &mut Ctx, bt: &BlockToks, qt: usize, s0: usize) -> Option<Attr> {
    let toks = &bt.toks;
    let adjacent = qt >= s0 + 2 && toks[qt - 1].is_punct(':');
    let colon = if adjacent { qt - 1 } else { (s0 + 1..qt.min(s0 + 7)).find(|&i| toks[i].is_punct(':'))? };
    let k = np_start(ctx.text, toks, s0, colon)?;
    let np = analyze_np(ctx.text, toks, k, colon)?;
    // Away from the quotation only a person's name: "OPINION:", "Documents:" label the headline.
    let shouted = |n: &str| n.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !n.chars().any(char::is_lowercase);
    if !adjacent && !matches!(&np, Np::Named { org: false, name, .. } if !shouted(name)) {
        return None;
    }
    if !matches!(np, Np::Named { .. }) {
        return None;
    }
    let e = resolve(ctx, &np, toks[k].start, &[])?;
    Some(Attr { entity: e, mention: Some(np.span()), role: None, cue: None })
}

/// Headline and pull quotes repeating another quotation point to it and take its speaker.
pub(super) fn link_repeats(text: &str, out: &mut [ArticleQuote], attrs: &mut [Option<Attr>]) {
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

/// `Schumer emerged from the session with a bold prediction: “…”`, `he offered Holder some
/// support: “…”`, `Barr later clarified in the hearing: “…”`: with no cue, a quotation after a
/// colon is the sentence subject's when that subject is a named person or a pronoun.
fn colon_subject(ctx: &mut Ctx, bt: &BlockToks, qt: usize, s0: usize, local: &mut Vec<(usize, usize)>) -> Option<Attr> {
    let toks = &bt.toks;
    if qt < s0 + 3 || !toks[qt - 1].is_punct(':') {
        return None;
    }
    let np = clause_subject(ctx.text, toks, s0, qt - 1).or_else(|| leading_pronoun(ctx.text, toks, s0, qt - 1))?;
    if !matches!(np, Np::Named { org: false, .. } | Np::Pronoun { .. }) {
        return None;
    }
    let pos = np.span().start as usize;
    let e = resolve(ctx, &np, pos, local)?;
    local.push((e, pos));
    let role = match &np {
        Np::Named { role, .. } => role.clone(),
        _ => None,
    };
    Some(Attr { entity: e, mention: Some(np.span()), role, cue: None })
}
