//! Ingestion: the structure of one article text.
//!
//! Pages arrive as text with their site chrome. Each non-empty line is a block (both the
//! blank-line and the single-newline conventions put one paragraph per line); each block is
//! classified by general conventions of news pages: reading-time lines, share and skip links,
//! related-story links, breadcrumbs, contact lines, relative times, truncated teasers,
//! timestamps, bylines and credits, captions with agency credits, standfirsts, subheadings
//! and pull quotes. The catalog's headline and byline, when known, are used as hints. No rule
//! names a particular outlet.

use crate::model::{Block, BlockKind, BoilerplateKind, Span};
use crate::text::is_space;

/// What the catalog already knows about the article (may be empty).
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints<'a> {
    pub headline: &'a str,
    pub byline: &'a str,
}

/// Splits `text` into classified blocks covering every non-blank line, in order.
pub fn structure(text: &str, hints: &Hints) -> Vec<Block> {
    let (lines, glued_kinds) = split_glued_labels(text, lines(text));
    let mut kinds: Vec<Option<BlockKind>> = lines.iter().zip(glued_kinds).map(|(&s, glued)| glued.or_else(|| chrome_kind(&text[s.range()]))).collect();
    let mut duplicate_of: Vec<Option<u32>> = vec![None; lines.len()];
    let line = |i: usize| &text[lines[i].range()];
    let n = lines.len();

    // Headline: the line matching the catalog's, else a short unpunctuated line opening the page.
    let headline_norm = fold(hints.headline);
    let mut headline = None;
    if !headline_norm.is_empty() {
        headline = (0..n).take(12).find(|&i| kinds[i].is_none() && fold(line(i)) == headline_norm);
    }
    if headline.is_none() {
        let first = (0..n).find(|&i| kinds[i].is_none());
        if let Some(i) = first {
            let words = word_count(line(i));
            if (2..=25).contains(&words) && !ends_sentence(line(i)) && (i + 1..n).any(|j| kinds[j].is_none()) {
                headline = Some(i);
            }
        }
    }
    if let Some(h) = headline {
        kinds[h] = Some(BlockKind::Headline);
    }

    // Bylines: the catalog's byline, "By …", or a closing reporting credit.
    let byline_norm = fold(hints.byline);
    for i in 0..n {
        if kinds[i].is_some() {
            continue;
        }
        let l = line(i);
        let words = word_count(l);
        let is_catalog_byline = !byline_norm.is_empty() && {
            let f = fold(l);
            f == byline_norm || f == format!("by {byline_norm}")
        };
        let is_by = words <= 8 && l.starts_with("By ") && starts_upper(&l[3..]) && !ends_sentence(l);
        let is_credit = words <= 30
            && (l.starts_with('*') || l.starts_with("— ") || l.starts_with("-- "))
            && (l.contains("reported from") || l.contains("reporting by") || l.contains("contributed") || l.contains("additional reporting") || l.contains("Additional reporting"));
        let tail_credit = words <= 30 && i + 3 >= n && (l.starts_with("Additional reporting") || l.starts_with("Reporting by") || l.starts_with("Editing by"));
        if is_catalog_byline || is_by || is_credit || tail_credit {
            kinds[i] = Some(BlockKind::Byline);
        }
    }

    // Captions: agency credits, "Photo courtesy", and a caption printed twice (the second
    // time with its credit glued on).
    for i in 0..n {
        if kinds[i].is_some() {
            continue;
        }
        let l = line(i);
        if i + 1 < n && kinds[i + 1].is_none() {
            let next = line(i + 1);
            if next.len() > l.len() && next.starts_with(l) && word_count(l) >= 4 {
                kinds[i] = Some(BlockKind::Caption);
                kinds[i + 1] = Some(BlockKind::Caption);
                duplicate_of[i + 1] = Some(i as u32);
                continue;
            }
        }
        if is_caption(l) {
            kinds[i] = Some(BlockKind::Caption);
        }
    }

    // Teasers: "… [… ]" lines that repeat the start of a later paragraph.
    for i in 0..n {
        let l = line(i);
        let stem_words = word_count(l.trim_end_matches("[…]").trim_end_matches("[...]").trim_end_matches('…'));
        let bracketed = l.ends_with("[…]") || l.ends_with("[...]");
        let repeats_next = l.ends_with('…') && stem_words <= 40 && i + 1 < n && line(i + 1).starts_with(l.trim_end_matches('…').trim_end());
        if kinds[i].is_none() && stem_words >= 3 && (bracketed || repeats_next) {
            kinds[i] = Some(BlockKind::Boilerplate(BoilerplateKind::Teaser));
            let stem = l.trim_end_matches("[…]").trim_end_matches("[...]").trim_end_matches('…').trim_end();
            duplicate_of[i] = (i + 1..n).find(|&j| line(j).starts_with(stem)).map(|j| j as u32);
        }
    }

    // Pull-quote credits ("- Name, role") and the fully quoted line beside them.
    for i in 0..n {
        let l = line(i);
        if kinds[i].is_none() && is_pull_quote_credit(l) {
            kinds[i] = Some(BlockKind::PullQuoteCredit);
            let candidates = [i.checked_sub(1), Some(i + 1)];
            if let Some(q) = candidates.into_iter().flatten().find(|&j| j < n && kinds[j].is_none() && is_fully_quoted(line(j)) && word_count(line(j)) <= 60) {
                kinds[q] = Some(BlockKind::PullQuote);
            }
        }
    }

    // The first body paragraph: the first unclassified line that reads as prose.
    let first_body = (0..n).find(|&i| kinds[i].is_none() && (ends_sentence(line(i)) || word_count(line(i)) > 25));

    // Standfirst: an unpunctuated summary between the headline and the body.
    if let (Some(h), Some(b)) = (headline, first_body) {
        if let Some(i) = (h + 1..b).find(|&i| kinds[i].is_none()) {
            if word_count(line(i)) >= 6 && !ends_sentence(line(i)) {
                kinds[i] = Some(BlockKind::Standfirst);
            }
        }
    }

    // Subheadings: short unpunctuated lines inside the body.
    if let Some(b) = first_body {
        for i in b + 1..n {
            let l = line(i);
            if kinds[i].is_none() && is_subheading(l) && (i + 1..n).any(|j| kinds[j].is_none()) {
                kinds[i] = Some(BlockKind::Subheading);
            }
        }
    }

    let mut blocks = Vec::with_capacity(n + 1);
    let mut first_paragraph_done = false;
    for i in 0..n {
        let kind = kinds[i].unwrap_or(BlockKind::Paragraph);
        let mut span = lines[i];
        if kind == BlockKind::Paragraph && !first_paragraph_done {
            first_paragraph_done = true;
            if let Some((place_end, body_start)) = dateline_prefix(line(i)) {
                blocks.push(Block { kind: BlockKind::Dateline, span: Span::new(span.start as usize, span.start as usize + place_end), duplicate_of: None });
                span = Span::new(span.start as usize + body_start, span.end as usize);
            }
        }
        blocks.push(Block { kind, span, duplicate_of: duplicate_of[i] });
    }
    // Line indexes in duplicate_of become block indexes (a dateline shifts them by one).
    let index_of_line: Vec<u32> = {
        let mut v = Vec::with_capacity(n);
        let mut b = 0u32;
        for blk in &blocks {
            if blk.kind != BlockKind::Dateline {
                v.push(b);
            }
            b += 1;
        }
        v
    };
    for blk in &mut blocks {
        if let Some(d) = blk.duplicate_of {
            blk.duplicate_of = index_of_line.get(d as usize).copied();
        }
    }
    mark_repeated_pull_quotes(text, &mut blocks);
    mark_repeated_passages(text, &mut blocks);
    blocks
}

/// Words a block needs for its repetition to be a repeated passage rather than a stock
/// phrase ("Watch:", "Photo", a one-word subheading printed twice).
const REPEATED_PASSAGE_MIN_WORDS: usize = 4;

/// A content block repeating an earlier one of the same article word for word (a caption
/// printed again further down the scraped page, a paragraph the page printed twice) points
/// at the first: search indexes a passage once, so it counts once and is never the
/// snippet twice. The copy kept is the first body paragraph among them, else the first
/// (a caption repeating a paragraph points at the paragraph). One pass with a table of the
/// copies kept.
fn mark_repeated_passages(text: &str, blocks: &mut [Block]) {
    let mut kept: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if !b.kind.is_content() || b.kind == BlockKind::Headline || b.duplicate_of.is_some() {
            continue;
        }
        let folded = fold(&text[b.span.range()]);
        if word_count(&folded) < REPEATED_PASSAGE_MIN_WORDS {
            continue;
        }
        match kept.get_mut(&folded) {
            Some(j) if blocks[i].kind == BlockKind::Paragraph && blocks[*j as usize].kind != BlockKind::Paragraph => {
                blocks[*j as usize].duplicate_of = Some(i as u32);
                for earlier in blocks[..i].iter_mut().filter(|e| e.duplicate_of == Some(*j)) {
                    earlier.duplicate_of = Some(i as u32);
                }
                *j = i as u32;
            }
            Some(j) => blocks[i].duplicate_of = Some(*j),
            None => {
                kept.insert(folded, i as u32);
            }
        }
    }
}

/// A pull quote (or a quoted subheading) repeating words of a body paragraph or of another
/// pull quote points at it.
fn mark_repeated_pull_quotes(text: &str, blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        if !matches!(blocks[i].kind, BlockKind::PullQuote | BlockKind::Subheading) || blocks[i].duplicate_of.is_some() {
            continue;
        }
        let inner = fold(strip_quotes(&text[blocks[i].span.range()]));
        if word_count(&inner) < 4 || !is_fully_quoted(&text[blocks[i].span.range()]) {
            continue;
        }
        let found = blocks.iter().enumerate().find(|(j, b)| *j != i && matches!(b.kind, BlockKind::Paragraph | BlockKind::PullQuote) && fold(&text[b.span.range()]).contains(&inner));
        if let Some((j, _)) = found {
            blocks[i].duplicate_of = Some(j as u32);
        }
    }
}

/// Trimmed spans of the non-blank lines.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start_matches(is_space).len();
        let trimmed = content.trim_matches(is_space);
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start = end;
    }
    out
}

/// Labels scraped pages glue to the text they introduce, and whether that text is then a
/// photo caption: a summary box's title and photo-viewer controls.
const GLUED_LABELS: &[(&str, bool)] = &[
    ("story highlights", false),
    ("show caption hide caption", true),
    ("show caption", true),
    ("hide caption", true),
    ("toggle caption", true),
    ("enlarge this image", true),
    ("expand", true),
];

/// Splits a line that opens with a [`GLUED_LABELS`] label glued to text ("Story highlights
/// CNN has obtained …", "Expand A man wearing a mask … © 2013 Reuters") into the label
/// (site chrome) and the text after it, so the text is kept (and classified like any line,
/// or as a caption after a photo control) while the label is not. Spans stay offsets into
/// the original text. Returns the lines with the kinds the split decided.
fn split_glued_labels(text: &str, lines: Vec<Span>) -> (Vec<Span>, Vec<Option<BlockKind>>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut kinds = Vec::with_capacity(lines.len());
    for span in lines {
        match glued_label(&text[span.range()]) {
            Some((label_end, rest_start, caption)) => {
                let start = span.start as usize;
                out.push(Span::new(start, start + label_end));
                kinds.push(Some(BlockKind::Boilerplate(BoilerplateKind::SiteChrome)));
                out.push(Span::new(start + rest_start, span.end as usize));
                kinds.push(caption.then_some(BlockKind::Caption));
            }
            None => {
                out.push(span);
                kinds.push(None);
            }
        }
    }
    (out, kinds)
}

/// `(end of the label, start of the text after it, whether that text is a caption)` for a
/// line opening with a glued label followed by at least three words starting a sentence.
fn glued_label(l: &str) -> Option<(usize, usize, bool)> {
    for &(label, caption) in GLUED_LABELS {
        let Some(head) = l.get(..label.len()) else { continue };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let after = &l[label.len()..];
        let rest = after.trim_start_matches(|c: char| is_space(c) || c == ':');
        let opens_sentence = rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘'));
        if rest.len() == after.len() || word_count(rest) < 3 || !opens_sentence {
            continue;
        }
        // "Expand" also opens sentences ("Expand tax credits for working adults."): it is a
        // photo control only before a credited caption.
        if label == "expand" && !(is_caption(rest) || has_copyright_credit(rest)) {
            continue;
        }
        // A whole line that is chrome ("toggle caption Jo Reed/AP", a gallery) stays whole.
        if chrome_kind(l).is_some() {
            return None;
        }
        return Some((label.len(), l.len() - rest.len(), caption));
    }
    None
}

/// "… Beijing, October 18, 2013. © 2013 Reuters": a copyright credit closing the line.
fn has_copyright_credit(l: &str) -> bool {
    l.rfind('©').is_some_and(|i| l.len() - i <= 60 && word_count(&l[i..]) >= 2)
}

/// A photo gallery printed as text ([`BoilerplateKind::Gallery`]), from its lowercase words:
/// a slide counter ("3 of 24 photos:", "image 2 of 5"), "previous next" slide controls around
/// a caption, or a "photos:" title printed again for each slide.
fn is_gallery(lower: &str, words: &[&str]) -> bool {
    let is_number = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let is_slide = |w: &str| matches!(w.trim_end_matches([':', '.', ',']), "photos" | "photo" | "images" | "image" | "slides" | "slide" | "pictures" | "picture");
    // A counter is a viewer's: "… 1 of 29 Photos: <title>" or "Image 2 of 5", "caption 3 of 9"
    // ("2 of 9 photos were published" is prose).
    let counter = words.windows(3).enumerate().any(|(i, x)| {
        is_number(x[0])
            && x[1] == "of"
            && is_number(x[2])
            && (words.get(i + 3).is_some_and(|w| w.ends_with(':') && is_slide(w)) || i > 0 && (is_slide(words[i - 1]) || words[i - 1] == "caption"))
    });
    counter || lower.contains("previous next") && lower.contains("caption") || lower.strip_prefix("photos:").is_some_and(|rest| rest.contains("photos:"))
}

/// Lines that are page furniture whatever their position.
fn chrome_kind(l: &str) -> Option<BlockKind> {
    use BoilerplateKind::*;
    let lower = l.to_lowercase();
    let words = word_count(l);
    let bp = |k| Some(BlockKind::Boilerplate(k));
    // "4 min read", "7 minute read", "5 mins read"
    let mut it = lower.split_whitespace();
    if let (Some(a), Some(b), Some(c), None) = (it.next(), it.next(), it.next(), it.next()) {
        if a.chars().all(|c| c.is_ascii_digit()) && matches!(b, "min" | "mins" | "minute" | "minutes") && c == "read" {
            return bp(ReadingTime);
        }
    }
    // "8 years ago", "3 hours ago"
    let w: Vec<&str> = lower.split_whitespace().collect();
    if w.len() == 3 && (w[0].chars().all(|c| c.is_ascii_digit()) || matches!(w[0], "a" | "an" | "one")) && w[2] == "ago" {
        let unit = w[1].trim_end_matches('s');
        if matches!(unit, "second" | "minute" | "hour" | "day" | "week" | "month" | "year") {
            return bp(RelativeTime);
        }
    }
    // Separators ("___", "* * *", "—"): no words at all. A bare "…" stays: it marks elided text.
    if !l.chars().any(char::is_alphanumeric) && l.chars().count() <= 12 && !l.chars().all(|c| matches!(c, '.' | '…') || c.is_whitespace()) {
        return bp(SiteChrome);
    }
    if words <= 8 {
        const CHROME: &[&str] = &[
            "skip to main content", "skip to content", "skip to navigation", "share this article", "share this story", "share",
            "advertisement", "sponsored", "related articles", "related", "comments", "print", "email", "back to top",
            "sign up", "subscribe", "follow us", "most read", "most popular", "trending",
            // Ad slots and "continued" markers left where an ad or a video player was cut out.
            "ad", "story continued below", "story continues below", "story continues below advertisement",
            "advertisement continue reading the main story", "continue reading the main story", "continue reading",
            "continue reading below", "more on this", "photo", "video", "close", "loading", "read more", "read more here",
            "[pullquote]", "replay", "more videos", "story highlights",
        ];
        let bare = lower.trim_end_matches([':', '.', '…']);
        if CHROME.contains(&bare) || bare.starts_with("more must-reads from") || bare.starts_with("more from ") || bare.starts_with("sign up for") {
            return bp(SiteChrome);
        }
        // Social prompts: "Follow @desk", "Follow us on Twitter @desk.", "Follow Jo Reed on Twitter."
        if bare.starts_with("follow @") || bare.starts_with("follow ") && [" on twitter", " on facebook", " on instagram", " on x"].iter().any(|n| bare.contains(n)) {
            return bp(SiteChrome);
        }
        // Gallery and photo-viewer controls: "Slideshow (2 Images)", "next Image 1 of 2",
        // "toggle caption AP", "Enlarge this image".
        if bare.starts_with("slideshow (") || (bare.starts_with("next image ") || bare.starts_with("prev image ")) && bare.contains(" of ") || bare.starts_with("toggle caption") || bare.starts_with("enlarge this image") {
            return bp(SiteChrome);
        }
        // "This article is more than 1 year old"
        if bare.starts_with("this article is more than ") && bare.ends_with(" old") {
            return bp(RelativeTime);
        }
        if l.starts_with('•') || l.starts_with('›') || l.starts_with('»') || l.starts_with("Home >") || l.starts_with("Home ›") {
            return bp(Breadcrumb);
        }
        if l.split_whitespace().any(is_email) {
            return bp(Contact);
        }
    }
    if is_gallery(&lower, &w) {
        return bp(Gallery);
    }
    // "Copyright © 2019 The Daily Example, LLC." under the story.
    if (lower.starts_with("copyright ©") || lower.starts_with("© ") || lower.starts_with("(c) ")) && words <= 15 {
        return bp(SiteChrome);
    }
    // A video player's leftovers: "JUST WATCHED <title> Replay More Videos ... MUST WATCH".
    if l.starts_with("JUST WATCHED") {
        return bp(SiteChrome);
    }
    // "Read More: …", "READ: …", "Related: …", "See also: …", "( PHOTOS: …)", "CLICK HERE to …"
    let unwrapped = l.strip_prefix('(').map_or(l, |r| r.trim_start().trim_end_matches(')'));
    if let Some((head, rest)) = unwrapped.split_once(':') {
        let head = head.trim().to_lowercase();
        if matches!(head.as_str(), "read more" | "read" | "related" | "see also" | "also read" | "more" | "recommended" | "watch" | "listen" | "photos" | "video" | "videos" | "gallery" | "slideshow" | "special coverage")
            && !rest.trim().is_empty()
            && words <= 25
        {
            return bp(RelatedLink);
        }
    }
    if lower.starts_with("click here") && words <= 15 {
        return bp(RelatedLink);
    }
    if is_timestamp(l) {
        return Some(BlockKind::Timestamp);
    }
    None
}

fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    match w.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.'),
        None => false,
    }
}

/// "15:38 - 13/12/2016 Tuesday", "Update: 16:21 - 13/12/2016", "Published: 12 Dec 2016 10:00".
fn is_timestamp(l: &str) -> bool {
    let body = ["Update:", "Updated:", "Published:", "Last updated:", "Posted:", "Updated", "Published"]
        .iter()
        .find_map(|p| l.strip_prefix(p))
        .unwrap_or(l)
        .trim();
    let first = body.split_whitespace().next().unwrap_or("");
    let is_clock = first.len() >= 4 && first.len() <= 5 && first.split(':').count() == 2 && first.split(':').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let has_numeric_date = body.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split(['/', '.', '-']).collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    });
    word_count(l) <= 8 && (is_clock && has_numeric_date || body.len() < l.len() && (has_numeric_date || is_clock))
}

/// A photo caption: ends with an agency credit in parentheses, or carries a photo credit.
fn is_caption(l: &str) -> bool {
    const AGENCIES: &[&str] = &["AFP", "Reuters", "AP", "EPA", "Getty", "Anadolu", "Xinhua", "Photo", "File photo", "File", "Image", "Handout", "Twitter", "Facebook", "Supplied", "PA", "Shutterstock", "Courtesy"];
    if let Some(open) = l.rfind('(') {
        if l.ends_with(')') {
            let credit = &l[open + 1..l.len() - 1];
            if credit.len() <= 40 && credit.split(['/', ' ', ',', ';']).any(|w| AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(w))) && word_count(l) >= 4 {
                return true;
            }
        }
    }
    let lower = l.to_lowercase();
    // Agency file-photo captions: "FILE - In this Jan. 28, 2020 file photo, …".
    if (l.starts_with("FILE - ") || l.starts_with("FILE – ") || l.starts_with("FILE — ")) && (lower.contains("photo") || lower.contains("file")) {
        return true;
    }
    if lower.contains("photo courtesy") || lower.starts_with("photo:") || lower.starts_with("photograph:") || lower.contains("(photo:") {
        return true;
    }
    // "…2016.Youssef Karwashan—AFP/Getty Images": an em-dash credit at the end.
    if let Some(dash) = l.rfind('—') {
        let credit = &l[dash + '—'.len_utf8()..];
        if credit.len() <= 40 && (credit.contains("Getty") || credit.contains("AFP") || credit.contains("Reuters") || credit.contains("AP Photo") || credit.contains("EPA") || credit.contains("Images")) {
            return true;
        }
    }
    false
}

fn is_pull_quote_credit(l: &str) -> bool {
    let rest = match l.strip_prefix("- ").or_else(|| l.strip_prefix("– ")).or_else(|| l.strip_prefix("— ")).or_else(|| l.strip_prefix("―")) {
        Some(r) => r.trim(),
        None => return false,
    };
    starts_upper(rest) && word_count(rest) <= 12 && !ends_sentence(rest)
}

/// A line wholly inside one pair of quotation marks: it opens and closes with a mark, and no
/// double mark inside closes the quotation early (`“…,” she said. “…”` is two quotations).
pub fn is_fully_quoted(l: &str) -> bool {
    let l = l.trim();
    let first = l.chars().next();
    let last = l.chars().last();
    if !matches!(first, Some('"' | '“' | '\'' | '‘' | '«')) || !matches!(last, Some('"' | '”' | '\'' | '’' | '»')) || l.chars().count() <= 2 {
        return false;
    }
    let inner: Vec<char> = l.chars().skip(1).take(l.chars().count() - 2).collect();
    let double_inside = inner.iter().filter(|c| matches!(c, '"' | '“' | '”' | '«' | '»')).count();
    // Single-quoted lines may hold apostrophes; double-quoted ones hold no other double mark.
    matches!(first, Some('\'' | '‘')) || double_inside == 0
}

fn strip_quotes(l: &str) -> &str {
    l.trim().trim_matches(|c| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '«' | '»'))
}

fn is_subheading(l: &str) -> bool {
    let words = word_count(l);
    if !(1..=10).contains(&words) || ends_sentence(l) || l.ends_with([',', ';', ':']) {
        return false;
    }
    let first = l.trim_start_matches(|c| matches!(c, '"' | '“' | '\'' | '‘'));
    starts_upper(first) || first.starts_with(|c: char| c.is_ascii_digit())
}

/// "ALEPPO, SYRIA // text", "AMMAN: text", "BEIRUT — text", "GENEVA (Reuters) - text".
/// Returns (end of the place name, start of the body text), byte offsets into the line.
fn dateline_prefix(l: &str) -> Option<(usize, usize)> {
    for sep in [" // ", ": ", " — ", " – ", " - ", " -- "] {
        if let Some(i) = l.find(sep) {
            if i == 0 || i > 60 {
                continue;
            }
            let mut place = &l[..i];
            // An agency in parentheses after the place: "GENEVA (Reuters)".
            if let Some(p) = place.find(" (") {
                if place.ends_with(')') {
                    place = &place[..p];
                }
            }
            let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && place.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '\'' | '’' | '-' | '(' | ')' | '/')) {
                let body = i + sep.len();
                let body = body + (l[body..].len() - l[body..].trim_start().len());
                return Some((place.len(), body));
            }
        }
    }
    None
}

/// The name in a byline line ("By Ersin Çelik" → "Ersin Çelik").
pub fn byline_name(l: &str) -> &str {
    let l = l.trim();
    l.strip_prefix("By ").unwrap_or(l).trim()
}

fn word_count(l: &str) -> usize {
    l.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn starts_upper(l: &str) -> bool {
    l.trim_start().chars().next().map_or(false, |c| c.is_uppercase())
}

/// Ends like a sentence: final punctuation, possibly inside closing quotes or brackets.
fn ends_sentence(l: &str) -> bool {
    let t = l.trim_end().trim_end_matches(|c| matches!(c, '"' | '”' | '\'' | '’' | ')' | ']' | '»'));
    t.ends_with(['.', '!', '?', '…'])
}

/// Comparison form: lowercase, quote marks unified, whitespace collapsed.
fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‛' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, hints: Hints) -> Vec<(BlockKind, String)> {
        structure(text, &hints).into_iter().map(|b| (b.kind, text[b.span.range()].to_string())).collect()
    }

    #[test]
    fn classifies_chrome_lines() {
        let t = "Skip to main content\n\n4 min read\n\nA headline about things\n\nFirst paragraph of the body, which is long enough.\n\nRead More: Something else\n\nShare this article\n\nContact us at letters@example.com\n\n8 years ago";
        let k = kinds(t, Hints::default());
        let labels: Vec<&str> = k.iter().map(|(k, _)| k.label()).collect();
        assert_eq!(labels, ["site-chrome", "reading-time", "headline", "paragraph", "related-link", "site-chrome", "contact", "relative-time"]);
    }

    #[test]
    fn splits_dateline_from_first_paragraph() {
        let t = "BEIRUT, LEBANON // People gathered on Monday.\nMore people came.";
        let b = structure(t, &Hints::default());
        assert_eq!(b[0].kind, BlockKind::Dateline);
        assert_eq!(&t[b[0].span.range()], "BEIRUT, LEBANON");
        assert_eq!(&t[b[1].span.range()], "People gathered on Monday.");
        let t2 = "GENEVA (Reuters) - Talks resumed.";
        let b2 = structure(t2, &Hints::default());
        assert_eq!(&t2[b2[0].span.range()], "GENEVA");
        let t3 = "SANA, the agency, said so.";
        assert_eq!(structure(t3, &Hints::default())[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn finds_captions_and_duplicates() {
        let t = "Body text starts here and it is a sentence.\n\nMen walk past a wall in the rain on Monday.\nMen walk past a wall in the rain on Monday.Jane Doe—AFP/Getty Images\n\nSoldiers stand guard at a checkpoint (Reuters)\n\nMore body text ends the story.";
        let b = structure(t, &Hints::default());
        let caps: Vec<_> = b.iter().filter(|b| b.kind == BlockKind::Caption).collect();
        assert_eq!(caps.len(), 3);
        assert_eq!(caps[1].duplicate_of, Some(1));
    }

    #[test]
    fn pull_quotes_and_subheads() {
        let t = "Body text starts here and it is a sentence.\n\n'We will not leave our homes'\n\n- Jane Roe, resident\n\nA subhead here\n\n\"We will not leave our homes,\" she said.";
        let k = kinds(t, Hints::default());
        assert_eq!(k[1].0, BlockKind::PullQuote);
        assert_eq!(k[2].0, BlockKind::PullQuoteCredit);
        assert_eq!(k[3].0, BlockKind::Subheading);
        let blocks = structure(t, &Hints::default());
        assert_eq!(blocks[1].duplicate_of, Some(4));
    }

    #[test]
    fn two_quotations_on_a_line_are_not_a_pull_quote() {
        assert!(is_fully_quoted("“We will stay.”"));
        assert!(is_fully_quoted("'Gov't forces are near, we're told'"));
        assert!(!is_fully_quoted("“It is a matter for the voters,” Collins said. “The people decide.”"));
        let t = "Body text starts here and it is a sentence.\n\n- Jane Roe, senator\n\n“It is not for us,” Roe said. “Voters decide.”";
        assert_eq!(kinds(t, Hints::default())[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn file_photo_captions_and_bare_ellipses() {
        let t = "Body text starts here and it is a sentence.\n\nFILE - In this Jan. 28, 2020 file photo, masts stand in London.\n\n…\n\nMore body text.";
        let k = kinds(t, Hints::default());
        assert_eq!(k[1].0, BlockKind::Caption);
        assert_eq!(k[2].0, BlockKind::Paragraph, "a bare ellipsis is no teaser");
    }

    #[test]
    fn ad_slots_separators_social_prompts_and_gallery_controls_are_chrome() {
        let chrome = BlockKind::Boilerplate(BoilerplateKind::SiteChrome);
        let t = "Body text starts here and it is a sentence.\n\nAD\n\nStory Continued Below\n\n___\n\n* * *\n\nFollow @newsdesk\n\nFollow Jo Reed on Twitter.\n\nSlideshow (3 Images)\n\ntoggle caption Jo Reed/AP\n\nJUST WATCHED Storm hits coast Replay More Videos ... MUST WATCH\n\nCopyright © 2019 The Daily Example, LLC.\n\nMore body text.";
        let k = kinds(t, Hints::default());
        assert_eq!(k.len(), 12);
        for (kind, text) in &k[1..11] {
            assert_eq!(*kind, chrome, "{text}");
        }
        assert_eq!(k[11].0, BlockKind::Paragraph);
        let t = "Body text starts here and it is a sentence.\n\n( PHOTOS: The week in pictures)\n\nCLICK HERE to read the full report\n\nThis article is more than 1 year old\n\nAd campaigns cost money, she said.";
        let k = kinds(t, Hints::default());
        assert_eq!(k[1].0, BlockKind::Boilerplate(BoilerplateKind::RelatedLink));
        assert_eq!(k[2].0, BlockKind::Boilerplate(BoilerplateKind::RelatedLink));
        assert_eq!(k[3].0, BlockKind::Boilerplate(BoilerplateKind::RelativeTime));
        assert_eq!(k[4].0, BlockKind::Paragraph, "a sentence that starts like chrome is text");
    }

    #[test]
    fn photo_galleries_are_boilerplate() {
        let gallery = BlockKind::Boilerplate(BoilerplateKind::Gallery);
        let t = "Body text starts here and it is a sentence.\n\n\
            Photos: The second debate Photos: The second debate Voters watch the debate in a bar. Hide Caption 1 of 29 Photos: The second debate Candidates shake hands.\n\n\
            People watch fireworks over the beach on Sunday. Hide Caption 2 of 24 Photos: New Year\n\n\
            Hide caption Supporters watch returns at a rally in Madison. Previous Next Jo Reed/Getty Images\n\n\
            She had read 3 of 4 reports before the vote, and 2 of 9 photos were published.\n\n\
            Photos: A look inside the home\n\n\
            More body text.";
        let k = kinds(t, Hints::default());
        assert_eq!(k[1].0, gallery);
        assert_eq!(k[2].0, gallery);
        assert_eq!(k[3].0, gallery);
        assert_eq!(k[4].0, BlockKind::Paragraph, "counted photos in a sentence");
        assert_eq!(k[5].0, BlockKind::Boilerplate(BoilerplateKind::RelatedLink), "a gallery link, not a gallery");
        let t = "Body text starts here and it is a sentence.\n\nA crowd gathers in the square. Image 2 of 5 Previous slide";
        assert_eq!(kinds(t, Hints::default())[1].0, gallery, "a counter after the slide noun");
    }

    #[test]
    fn labels_glued_to_text_are_split_off_and_the_text_kept() {
        let chrome = BlockKind::Boilerplate(BoilerplateKind::SiteChrome);
        let t = "Story highlights Voters in three states head to the polls\n\n\
            Body text starts here and it is a sentence.\n\n\
            Expand A man wearing a mask is seen in front of the palace, October 18, 2013. © 2013 Reuters\n\n\
            Show caption Hide caption Medical staff arrive for a shift at the hospital in Daegu.\n\n\
            Expand tax credits for working adults.\n\n\
            toggle caption Jo Reed/AP";
        let blocks = structure(t, &Hints::default());
        let k: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind, &t[b.span.range()])).collect();
        assert_eq!(k[0], (chrome, "Story highlights"));
        assert_eq!(k[1].1, "Voters in three states head to the polls");
        assert!(k[1].0.is_content(), "{:?}", k[1]);
        assert_eq!(k[3], (chrome, "Expand"));
        assert_eq!(k[4].0, BlockKind::Caption);
        assert!(k[4].1.starts_with("A man wearing a mask"));
        assert_eq!(k[5], (chrome, "Show caption Hide caption"));
        assert_eq!(k[6], (BlockKind::Caption, "Medical staff arrive for a shift at the hospital in Daegu."));
        assert_eq!(k[7], (BlockKind::Paragraph, "Expand tax credits for working adults."), "a sentence opening with a verb");
        assert_eq!(k[8], (chrome, "toggle caption Jo Reed/AP"), "a control line alone stays whole");
    }

    #[test]
    fn a_passage_printed_twice_points_at_the_paragraph_copy() {
        let t = "Body text starts here and it is a sentence.\n\n\
            Protesters gather outside the court on Monday (Reuters)\n\n\
            The council voted to close the old bridge for repairs.\n\n\
            The council voted to close the old bridge for repairs.\n\n\
            Protesters gather outside the court on Monday (Reuters)\n\n\
            Yes it is.\n\nYes it is.";
        let b = structure(t, &Hints::default());
        assert_eq!(b[2].duplicate_of, None);
        assert_eq!(b[3].duplicate_of, Some(2), "the second copy of a paragraph");
        assert_eq!(b[4].duplicate_of, Some(1), "the second copy of a caption");
        assert_eq!(b[5].duplicate_of, None, "three words are a stock phrase, not a passage");
        assert_eq!(b[6].duplicate_of, None);
        let t = "Body text starts here and it is a sentence.\n\nCrowds fill the square before the speech (AP)\n\nCrowds fill the square before the speech (AP)\n\nThe mayor spoke for an hour to the crowds in the square.";
        let b = structure(t, &Hints::default());
        assert_eq!((b[1].duplicate_of, b[2].duplicate_of), (None, Some(1)));
    }

    #[test]
    fn every_block_is_on_char_boundaries_and_in_order() {
        let t = "\u{a0}Transporting the injured. Photo courtesy of X.\n\nÇelik: “İyi”\n";
        let b = structure(t, &Hints::default());
        let mut last = 0;
        for blk in &b {
            assert!(t.is_char_boundary(blk.span.start as usize) && t.is_char_boundary(blk.span.end as usize));
            assert!(blk.span.start as usize >= last);
            last = blk.span.end as usize;
        }
        assert_eq!(b[0].kind, BlockKind::Caption);
    }
}
