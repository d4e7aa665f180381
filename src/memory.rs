//! Buffers of megabytes (a 10,000-token body and what is printed from it).
//!
//! On Linux, every allocation of a megabyte or more starts on a 2 MB boundary and is
//! advised to be backed by 2 MB pages: each fresh 4 KB page costs a fault (about 2 µs on
//! a VM), and 10,000 tokens fill a thousand of them. The boundary matters: the kernel
//! backs only whole, aligned 2 MB ranges with a large page, so a buffer that starts
//! anywhere else has its first part (up to 2 MB) in 4 KB pages. A large page is zeroed
//! whole when first touched, so only as many are advised as the size asked for is
//! nearest to (4.1 MB: two, the last 0.1 MB in 4 KB pages). Smaller allocations go to
//! the system allocator unchanged; so does everything elsewhere.

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

    /// What is asked of the system for `layout`: itself, or for a large one, a block on
    /// a large-page boundary that holds its large pages. Pages never touched cost
    /// nothing.
    fn backing(layout: Layout) -> Layout {
        if layout.size() < LARGE {
            return layout;
        }
        let size = layout.size().max(large_part(layout.size()));
        Layout::from_size_align(size, layout.align().max(HUGE)).unwrap_or(layout)
    }

    /// How much of a large block of `size` bytes is advised to large pages: the whole
    /// large pages `size` is nearest to.
    fn large_part(size: usize) -> usize {
        size.saturating_add(HUGE / 2) / HUGE * HUGE
    }

    /// A block for a large `layout`, advised to large pages.
    fn alloc_large(layout: Layout) -> *mut u8 {
        let backing = backing(layout);
        // SAFETY: `backing` has a non-zero size, as `layout` has.
        let block = unsafe { System.alloc(backing) };
        let large = large_part(layout.size());
        if backing != layout && large > 0 && !block.is_null() {
            // SAFETY: the range is the block's own, and the advice changes only how its
            // pages are backed, not what they hold (advice the kernel does not take
            // changes nothing).
            unsafe { libc::madvise(block.cast(), large, libc::MADV_HUGEPAGE) };
        }
        block
    }

    // Each method is one function, not inlined at every allocation in the program
    // (inlined, they made the binary 158 KB larger).
    // SAFETY: every block comes from `System` with the layout `backing` gives, and goes
    // back to it with the same layout (`backing` of the caller's layout, which the
    // caller passes back unchanged); a block is at least as large and as aligned as
    // asked for.
    unsafe impl GlobalAlloc for Allocator {
        #[inline(never)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.size() < LARGE {
                // SAFETY: the caller's layout, as `System` takes it.
                return unsafe { System.alloc(layout) };
            }
            alloc_large(layout)
        }

        #[inline(never)]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.size() < LARGE {
                // SAFETY: the caller's layout, as `System` takes it.
                return unsafe { System.alloc_zeroed(layout) };
            }
            let block = alloc_large(layout);
            if !block.is_null() {
                // SAFETY: the block holds at least `layout.size()` bytes.
                unsafe { block.write_bytes(0, layout.size()) };
            }
            block
        }

        #[inline(never)]
        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            // SAFETY: `block` came from `alloc` with this layout, so from `System` with
            // `backing(layout)`.
            unsafe { System.dealloc(block, backing(layout)) }
        }

        #[inline(never)]
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
        fn a_large_block_is_on_a_large_page_boundary_with_the_large_pages_its_size_is_nearest_to() {
            let large = |size| {
                (
                    backing(Layout::from_size_align(size, 8).unwrap()),
                    large_part(size),
                )
            };
            let on_boundary = |size| Layout::from_size_align(size, HUGE).unwrap();
            // 4.1 MB: two large pages, the rest in small ones; 5.5 MB: three.
            assert_eq!(
                large(2 * HUGE + HUGE / 20),
                (on_boundary(2 * HUGE + HUGE / 20), 2 * HUGE)
            );
            assert_eq!(
                large(2 * HUGE + HUGE * 3 / 4),
                (on_boundary(3 * HUGE), 3 * HUGE)
            );
            assert_eq!(large(LARGE), (on_boundary(HUGE), HUGE));
            let small = Layout::from_size_align(LARGE - 1, 8).unwrap();
            assert_eq!(backing(small), small);
        }
    }
}
