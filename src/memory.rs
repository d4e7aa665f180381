//! Buffers of megabytes (a 10,000-token body and what is printed from it).
//!
//! On Linux, every allocation of a megabyte or more starts on a 2 MB boundary and is
//! advised to be backed by 2 MB pages: each fresh 4 KB page costs a fault (about 2 µs on
//! a VM), and 10,000 tokens fill a thousand of them. The boundary matters: the kernel
//! backs only whole, aligned 2 MB ranges with a large page, so a buffer that starts
//! anywhere else has its first part (up to 2 MB) in 4 KB pages. Smaller allocations go
//! to the system allocator unchanged; so does everything elsewhere.

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: linux::Allocator = linux::Allocator;

#[cfg(target_os = "linux")]
mod linux {
    use std::alloc::{GlobalAlloc, Layout, System};

    /// Linux's large page: one fault for 2 MB instead of 512 for its 4 KB pages.
    const HUGE: usize = 2 << 20;
    /// From this size on, an allocation is given whole large pages.
    const LARGE: usize = 1 << 20;

    /// The system allocator, with allocations of `LARGE` or more on whole 2 MB pages.
    pub struct Allocator;

    /// What is asked of the system for `layout`: itself, or for a large one, whole
    /// large pages on a large-page boundary. Pages never touched cost nothing.
    fn backing(layout: Layout) -> Layout {
        if layout.size() < LARGE {
            return layout;
        }
        let size = layout.size().next_multiple_of(HUGE);
        Layout::from_size_align(size, layout.align().max(HUGE)).unwrap_or(layout)
    }

    // SAFETY: every block comes from `System` with the layout `backing` gives, and goes
    // back to it with the same layout (`backing` of the caller's layout, which the
    // caller passes back unchanged); a block is at least as large and as aligned as
    // asked for.
    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let backing = backing(layout);
            // SAFETY: `backing` has a non-zero size, as `layout` has.
            let block = unsafe { System.alloc(backing) };
            if backing != layout && !block.is_null() {
                // SAFETY: the range is the block's own, and the advice changes only how
                // its pages are backed, not what they hold (advice the kernel does not
                // take changes nothing).
                unsafe { libc::madvise(block.cast(), backing.size(), libc::MADV_HUGEPAGE) };
            }
            block
        }

        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            // SAFETY: `block` came from `alloc` with this layout, so from `System` with
            // `backing(layout)`.
            unsafe { System.dealloc(block, backing(layout)) }
        }

        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if layout.size() < LARGE && new_size < LARGE {
                // SAFETY: small before and after, so `System`'s own block and layout.
                return unsafe { System.realloc(block, layout, new_size) };
            }
            // SAFETY: the caller guarantees that the new size, at this alignment, is a
            // valid layout.
            let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
            if backing(new_layout) == backing(layout) {
                return block;
            }
            // SAFETY: a fresh block, the old one's bytes (as many as both hold) copied
            // into it, then the old one given back; on failure the old one is kept.
            unsafe {
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    std::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn large_buffers_start_on_a_large_page_and_keep_what_they_hold() {
            for size in [LARGE - 1, LARGE, HUGE + 3, 3 * HUGE] {
                let mut buffer: Vec<u8> = Vec::with_capacity(size);
                let aligned = (buffer.as_ptr() as usize).is_multiple_of(HUGE);
                assert_eq!(aligned, size >= LARGE, "{size}");
                buffer.extend((0..size).map(|n| n as u8));
                // Grown across the threshold and past a whole large page, then shrunk.
                buffer.reserve_exact(size + HUGE);
                assert!((buffer.as_ptr() as usize).is_multiple_of(HUGE));
                buffer.truncate(10);
                buffer.shrink_to_fit();
                assert!(buffer.iter().enumerate().all(|(n, &b)| b == n as u8));
            }
        }

        #[test]
        fn a_large_block_is_whole_large_pages_on_a_large_page_boundary() {
            let layout = Layout::from_size_align(HUGE + 1, 8).unwrap();
            assert_eq!(
                backing(layout),
                Layout::from_size_align(2 * HUGE, HUGE).unwrap()
            );
            let small = Layout::from_size_align(LARGE - 1, 8).unwrap();
            assert_eq!(backing(small), small);
        }
    }
}
