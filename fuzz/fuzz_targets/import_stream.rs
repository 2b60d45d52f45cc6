//! Any bytes as a GeoJSON file read window by window (windows of 1 to 64
//! bytes, from the first byte): whatever that reader takes, the whole-file
//! reader takes too, with the same features and warnings; what it leaves
//! to the whole-file reader never panics either.
#![no_main]

use dispatch_atlas::import::stream::{Streamed, import_in_windows};
use dispatch_atlas::import::{Progress, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let window = usize::from(first % 64) + 1;
    let streamed = import_in_windows(
        &mut &bytes[..],
        bytes.len() as u64,
        "fuzz",
        "layer:f",
        &Progress::default(),
        window,
    );
    let Ok(Streamed::Layer(layer)) = streamed else {
        return;
    };
    let whole = import_bytes(
        bytes,
        "fuzz.geojson",
        "fuzz",
        "layer:f",
        &Progress::default(),
    )
    .expect("the window reader took a file the whole-file reader refuses");
    assert_eq!(
        format!("{:?}", layer.features),
        format!("{:?}", whole.features)
    );
    assert_eq!(layer.warnings, whole.warnings);
});
