//! Articles: reading text files safely, and (next) their metadata headers.

pub mod read;
