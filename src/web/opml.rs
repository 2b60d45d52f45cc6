//! OPML, the list of subscriptions feed readers import and export, through
//! the `opml` crate.

/// A subscription found in an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    pub title: Option<String>,
}

/// Why an OPML file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("not an OPML list of feeds: {0}")]
pub struct OpmlError(String);

/// Every feed of an OPML document, folders flattened, in order.
pub fn feeds_from_opml(xml: &str) -> Result<Vec<OpmlFeed>, OpmlError> {
    let document = opml::OPML::from_str(xml).map_err(|e| OpmlError(e.to_string()))?;
    let mut out = Vec::new();
    let mut stack: Vec<&opml::Outline> = document.body.outlines.iter().rev().collect();
    while let Some(outline) = stack.pop() {
        if let Some(url) = outline
            .xml_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            let title = outline
                .title
                .clone()
                .or_else(|| Some(outline.text.clone()))
                .filter(|t| !t.trim().is_empty());
            out.push(OpmlFeed {
                url: url.to_owned(),
                title,
            });
        }
        stack.extend(outline.outlines.iter().rev());
    }
    Ok(out)
}

/// An OPML 2.0 document listing `feeds`.
pub fn opml_from_feeds(feeds: &[OpmlFeed]) -> Result<String, OpmlError> {
    let mut document = opml::OPML {
        head: Some(opml::Head {
            title: Some("Dispatch Atlas feeds".into()),
            ..opml::Head::default()
        }),
        ..opml::OPML::default()
    };
    for feed in feeds {
        document.add_feed(feed.title.as_deref().unwrap_or(&feed.url), &feed.url);
    }
    document.to_string().map_err(|e| OpmlError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_round_trips_and_folders_are_flattened() -> Result<(), OpmlError> {
        let feeds = vec![
            OpmlFeed {
                url: "https://a.example/rss".into(),
                title: Some("A & B".into()),
            },
            OpmlFeed {
                url: "https://b.example/atom".into(),
                title: None,
            },
        ];
        let xml = opml_from_feeds(&feeds)?;
        let back = feeds_from_opml(&xml)?;
        assert_eq!(back[0], feeds[0]);
        assert_eq!(back[1].url, feeds[1].url);
        let nested = r#"<opml version="2.0"><head/><body><outline text="News"><outline text="RFI" xmlUrl="https://rfi.example/rss"/></outline><outline text="Folder only"/></body></opml>"#;
        assert_eq!(
            feeds_from_opml(nested)?,
            vec![OpmlFeed {
                url: "https://rfi.example/rss".into(),
                title: Some("RFI".into())
            }]
        );
        assert!(feeds_from_opml("<html/>").is_err());
        assert!(feeds_from_opml("").is_err());
        Ok(())
    }
}
