//! Sentence spans, for excerpts: a sentence ends at `.`, `!`, `?` (and closing
//! quotes after them) followed by space and a capital or quote, or at a line
//! break; abbreviations and initials ("Mr.", "U.S.", "J. Smith") do not end one.

/// A sentence as a char range `[start, end)` of the text, trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

const ABBREVIATIONS: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cpl", "pte", "maj", "adm",
    "prof", "mme", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov",
];

fn ends_with_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut start = dot;
    while start > 0 && chars[start - 1].is_alphabetic() {
        start -= 1;
    }
    let word: String = chars[start..dot].iter().collect::<String>().to_lowercase();
    // A single letter is an initial ("J." or the "S." of "U.S.").
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str())
}

/// Splits `text` into sentences (char offsets).
#[must_use]
pub fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        let mut s = s;
        let mut e = e;
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            out.push(Sentence { start: s, end: e });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '"' | '\'' | '”' | '’' | '»' | ')')
            {
                end += 1;
            }
            let mut next = end;
            while next < chars.len()
                && matches!(chars[next], ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
            {
                next += 1;
            }
            let spaced = next > end;
            let opens = chars
                .get(next)
                .is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '«' | '‘' | '\''));
            let abbreviation = c == '.' && ends_with_abbreviation(&chars, i);
            if (spaced && opens && !abbreviation) || next >= chars.len() {
                push(&mut out, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, chars.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        sentences(text)
            .into_iter()
            .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
            .collect()
    }

    #[test]
    fn splits_on_full_stops_and_line_breaks() {
        assert_eq!(
            texts("Gao is in Mali. Mr. Clement died.\nTo date, 43 soldiers."),
            vec![
                "Gao is in Mali.",
                "Mr. Clement died.",
                "To date, 43 soldiers."
            ]
        );
    }

    #[test]
    fn initials_and_decimals_do_not_split() {
        assert_eq!(
            texts("The U.S. Army left. It had 4.5 tonnes."),
            vec!["The U.S. Army left.", "It had 4.5 tonnes."]
        );
    }

    #[test]
    fn non_breaking_spaces_separate_sentences_too() {
        assert_eq!(
            texts("in the Sahel.\u{a0}Operation Barkhane grew."),
            vec!["in the Sahel.", "Operation Barkhane grew."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            texts("He said “no.” Then he left."),
            vec!["He said “no.”", "Then he left."]
        );
    }
}
