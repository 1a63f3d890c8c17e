//! Handing freed memory back to the system in long-running processes.
//!
//! Documents are built on all cores and stored on one thread, so memory
//! is freed on another thread than the one that allocated it; glibc's
//! allocator keeps such memory in its arenas rather than returning it,
//! and a long ingest's resident memory grew with every document (2,000
//! short articles: 650 MB; 10,000: 1.8 GB) although the live heap stayed
//! near 100 MB (valgrind's massif). Trimming after each stored batch
//! keeps it flat (2,000 articles: 173 MB with trimming forced by
//! `MALLOC_TRIM_THRESHOLD_=0`). The web server has the same pattern: each
//! request's store read runs on one of tokio's blocking threads, and over
//! a soak its resident memory rises while the live heap stays between 90
//! and 200 MB; trimming every few seconds slows the rise without stopping
//! it (docs/quality.md). It lives in the store because both go through
//! it: [`crate::Batch::commit`] trims after every committed batch, and
//! the server calls [`release_freed`] every few seconds.
//!
//! The `storyline` binary now allocates through mimalloc, which returns
//! freed pages itself; trimming still matters for SQLite, whose C code
//! allocates from glibc's heap, and for programs that link the store
//! without changing the allocator.

/// Returns freed memory at the top of the allocator's heaps to the system.
/// A no-op where the C library is not glibc.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only walks glibc's own
    // free lists, under its own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}
