//! The clipboard's HTML and text, for Articles → Paste article. egui hands
//! over only text on Ctrl+V; a page copied from a browser also offers HTML,
//! which keeps its paragraphs and metadata. `arboard` is the crate
//! egui-winit itself uses, so it adds no code to the build.

/// `(html, text)`: what the clipboard offers, or why it cannot be read.
pub fn read() -> Result<(Option<String>, Option<String>), String> {
    let mut clipboard = arboard::Clipboard::new()
        .map_err(|e| crate::tr!("clipboard-unreadable", error = e.to_string()))?;
    let html = clipboard.get().html().ok().filter(|h| !h.trim().is_empty());
    let text = clipboard.get_text().ok().filter(|t| !t.trim().is_empty());
    Ok((html, text))
}
