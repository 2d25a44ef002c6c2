//! Small text helpers shared by the stages.

/// The Unicode scalar offset of byte offset `byte` in `text` (clamped to the text).
pub fn char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text[..floor_char_boundary(text, byte)].chars().count()
}

/// The largest char boundary `<= i`.
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary `>= i`.
pub fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// 1-based line number of byte offset `byte`.
pub fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Whitespace including the no-break and other Unicode spaces the seeds contain.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_scalars_not_bytes() {
        let t = "Çelik said “no”";
        let b = t.find('“').unwrap();
        assert_eq!(char_offset(t, b), 11);
        assert_eq!(char_offset(t, b + 1), 11, "inside a char clamps down");
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
