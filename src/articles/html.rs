//! Saved web pages to text: drop scripts, styles and tags, break lines at
//! block ends, decode entities. Enough for an article saved from a browser;
//! layout and navigation chrome are not recognised.

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            return char::from_u32(value);
        }
    })
}

const BLOCKS: [&str; 14] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
];

/// The text of an HTML document.
#[must_use]
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find(['<', '&']) {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with('&') {
            let end = rest.find(';').filter(|&e| e <= 10);
            if let Some((c, e)) = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e))) {
                out.push(c);
                rest = &rest[e + 1..];
            } else {
                out.push('&');
                rest = &rest[1..];
            }
            continue;
        }
        let Some(close) = rest.find('>') else { break };
        let tag = rest[1..close]
            .trim_start_matches('/')
            .split([' ', '\t', '\n', '/'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        rest = &rest[close + 1..];
        if tag == "script" || tag == "style" {
            let end = format!("</{tag}");
            let stop = rest.to_ascii_lowercase().find(&end).unwrap_or(rest.len());
            rest = &rest[stop..];
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
        } else if BLOCKS.contains(&tag.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str(rest);
    // Collapse the blank lines the markup leaves.
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn tags_scripts_and_entities() {
        let html = "<html><head><style>p{}</style><script>var a = '<p>';</script></head>\
                    <body><h1>Attack near M&eacute;naka</h1><p>43 soldiers &amp; 2&nbsp;vehicles.</p><p>Gao &#8217;s</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "Attack near Ménaka\n\n43 soldiers & 2\u{a0}vehicles.\n\nGao ’s"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<",
            "&",
            "<p",
            "&#xZZ;",
            "<script>",
            "a &amp b",
            "<<>>",
            "&#1114112;",
        ] {
            let _ = html_to_text(html);
        }
    }
}
