//! The small containers of a monitor's state, shaped for a quiet fleet: a passing result
//! touches the monitor's own few cache lines, not buffers elsewhere on the heap, and an
//! empty window costs one word (ARCHITECTURE "Idle is idle").

use std::collections::VecDeque;

/// How many latencies the drill-down sparkline keeps.
pub const SPARK_SAMPLES: usize = 24;

/// A ring of the last [`SPARK_SAMPLES`] latencies (ms), oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[repr(C)]
pub struct RecentLatencies {
    /// Where the oldest one is.
    start: u8,
    len: u8,
    ring: [u32; SPARK_SAMPLES],
}

impl RecentLatencies {
    /// Adds the newest, forgetting the oldest when full.
    pub fn push(&mut self, latency_ms: u32) {
        let len = usize::from(self.len);
        if len < SPARK_SAMPLES {
            self.ring[(usize::from(self.start) + len) % SPARK_SAMPLES] = latency_ms;
            self.len += 1;
        } else {
            self.ring[usize::from(self.start)] = latency_ms;
            self.start = ((usize::from(self.start) + 1) % SPARK_SAMPLES) as u8;
        }
    }

    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn newest(&self) -> Option<u32> {
        let len = usize::from(self.len);
        (len > 0).then(|| self.ring[(usize::from(self.start) + len - 1) % SPARK_SAMPLES])
    }

    /// Oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &u32> + Clone + '_ {
        (0..self.len()).map(|i| &self.ring[(usize::from(self.start) + i) % SPARK_SAMPLES])
    }
}

/// Instants (or timed values) in a sliding window, oldest first; no allocation until the
/// first push, which most monitors never see (alert changes, failures).
#[derive(Debug, Clone)]
#[allow(clippy::box_collection)] // one word, not four, in every monitor that never uses it
pub struct Window<T>(Option<Box<VecDeque<T>>>);

impl<T> Default for Window<T> {
    fn default() -> Self {
        Window(None)
    }
}

impl<T> Window<T> {
    pub fn push_back(&mut self, value: T) {
        self.0.get_or_insert_default().push_back(value);
    }

    pub fn front(&self) -> Option<&T> {
        self.0.as_ref()?.front()
    }

    pub fn pop_front(&mut self) -> Option<T> {
        self.0.as_mut()?.pop_front()
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |entries| entries.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn clear(&mut self) {
        if let Some(entries) = &mut self.0 {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_in_order_of_arrival() {
        let mut recent = RecentLatencies::default();
        assert!(recent.is_empty() && recent.newest().is_none());
        for ms in 1..=5 {
            recent.push(ms);
        }
        assert_eq!(recent.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(recent.newest(), Some(5));
        for ms in 6..=60 {
            recent.push(ms);
        }
        let want: Vec<u32> = (37..=60).collect();
        assert_eq!(recent.len(), SPARK_SAMPLES);
        assert_eq!(recent.iter().copied().collect::<Vec<_>>(), want);
        assert_eq!(recent.newest(), Some(60));
    }

    #[test]
    fn a_window_is_a_queue_that_starts_empty() {
        let mut window: Window<u32> = Window::default();
        assert!(window.is_empty() && window.front().is_none() && window.pop_front().is_none());
        window.push_back(1);
        window.push_back(2);
        assert_eq!((window.len(), window.front()), (2, Some(&1)));
        assert_eq!(window.pop_front(), Some(1));
        window.clear();
        assert!(window.is_empty());
    }
}
