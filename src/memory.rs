//! Buffers of megabytes (a 10,000-token body and what is printed from it).
//!
//! On Linux, every allocation of a megabyte or more is a mapping of its own that starts
//! on a 2 MB boundary and is advised to be backed by 2 MB pages: each fresh 4 KB page
//! costs a fault (about 2 µs on a VM), and 10,000 tokens fill a thousand of them. The
//! boundary matters: the kernel backs only whole, aligned 2 MB ranges with a large page,
//! so a buffer that starts anywhere else has its first part (up to 2 MB) in 4 KB pages.
//! A large page is zeroed whole when first touched, so only as many are advised as the
//! size asked for is nearest to (4.1 MB: two, the last 0.1 MB in 4 KB pages); and the
//! mapping's pages are fresh, so a zeroed allocation needs no zeroing of its own.
//! Smaller allocations go to the system allocator unchanged; so does everything
//! elsewhere.

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: linux::Allocator = linux::Allocator;

#[cfg(target_os = "linux")]
mod linux {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::ptr;

    /// Linux's large page: one fault for 2 MB instead of 512 for its 4 KB pages.
    const HUGE: usize = 2 << 20;
    /// From this size on, an allocation is a mapping of its own.
    const LARGE: usize = 1 << 20;

    /// The system allocator, with allocations of `LARGE` or more mapped on whole 2 MB
    /// pages.
    pub struct Allocator;

    /// How long the mapping of a large `layout` is: whole large pages (pages never
    /// touched cost nothing), at least as many as are advised.
    fn mapped(layout: Layout) -> usize {
        layout
            .size()
            .max(large_part(layout.size()))
            .next_multiple_of(HUGE)
    }

    /// How much of a large block of `size` bytes is advised to large pages: the whole
    /// large pages `size` is nearest to.
    fn large_part(size: usize) -> usize {
        size.saturating_add(HUGE / 2) / HUGE * HUGE
    }

    /// A mapping for a large `layout`, on a boundary of its alignment and of a large
    /// page, advised to large pages; null when there is no memory for it.
    fn alloc_large(layout: Layout) -> *mut u8 {
        let (length, align) = (mapped(layout), layout.align().max(HUGE));
        let Some(reserved) = length.checked_add(align) else {
            return ptr::null_mut();
        };
        // SAFETY: a new private anonymous mapping, then the parts of it before the
        // aligned start and after the block unmapped again (both whole pages, since
        // the start and the length are multiples of 2 MB); the advice changes only how
        // the block's pages are backed, not what they hold.
        unsafe {
            let base = libc::mmap(
                ptr::null_mut(),
                reserved,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            if base == libc::MAP_FAILED {
                return ptr::null_mut();
            }
            let head = (base as usize).next_multiple_of(align) - base as usize;
            let block = base.cast::<u8>().add(head);
            if head > 0 {
                libc::munmap(base, head);
            }
            let tail = reserved - head - length;
            if tail > 0 {
                libc::munmap(block.add(length).cast(), tail);
            }
            libc::madvise(block.cast(), large_part(layout.size()), libc::MADV_HUGEPAGE);
            block
        }
    }

    // Each method is one function, not inlined at every allocation in the program
    // (inlined, they made the binary 158 KB larger).
    // SAFETY: a small block comes from `System` with the caller's layout and goes back to
    // it with that layout; a large one is a mapping of `mapped(layout)` bytes at least as
    // aligned as asked for, unmapped with the same length (the caller passes the layout
    // back unchanged). Fresh anonymous pages read as zeros.
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
            alloc_large(layout)
        }

        #[inline(never)]
        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            if layout.size() < LARGE {
                // SAFETY: a block `System` gave for this layout.
                return unsafe { System.dealloc(block, layout) };
            }
            // SAFETY: the mapping `alloc_large` made for this layout.
            unsafe { libc::munmap(block.cast(), mapped(layout)) };
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
            if layout.size() >= LARGE && new_size >= LARGE && mapped(new_layout) == mapped(layout) {
                return block;
            }
            // SAFETY: a fresh block, the old one's bytes (as many as both hold) copied
            // into it, then the old one given back; on failure the old one is kept.
            unsafe {
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
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
        fn a_large_block_is_whole_large_pages_with_those_its_size_is_nearest_to_advised() {
            let large = |size| {
                (
                    mapped(Layout::from_size_align(size, 8).unwrap()),
                    large_part(size),
                )
            };
            // 4.1 MB: two large pages advised, the rest in small ones; 5.5 MB: three.
            assert_eq!(large(2 * HUGE + HUGE / 20), (3 * HUGE, 2 * HUGE));
            assert_eq!(large(2 * HUGE + HUGE * 3 / 4), (3 * HUGE, 3 * HUGE));
            assert_eq!(large(LARGE), (HUGE, HUGE));
        }

        #[test]
        fn a_large_zeroed_block_reads_as_zeros_even_where_a_freed_one_was() {
            for _ in 0..3 {
                let mut dirty = vec![0xa5u8; 3 * HUGE];
                dirty[HUGE] = 1;
                drop(dirty);
                let zeroed = vec![0u8; 3 * HUGE];
                assert!(zeroed.iter().all(|&b| b == 0));
            }
        }
    }
}
