//! The small containers of a monitor's state, shaped for a quiet fleet: a passing result
//! touches the monitor's own few cache lines, not buffers elsewhere on the heap, and an
//! empty window costs one word (ARCHITECTURE "Idle is idle").

use chrono::{DateTime, Utc};
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

/// A latency monitor's samples over its rule's window, oldest first, with their sum: a mean
/// per result without a pass over them. Inline in the monitor: it takes every result of its
/// protocol, and one pointer less to follow is one cache miss less.
#[derive(Debug, Clone, Default)]
pub struct LatencyWindow {
    samples: VecDeque<(DateTime<Utc>, u32)>,
    sum: u64,
}

impl LatencyWindow {
    /// Room for `samples` from the start (`health::layout::latency_room`).
    pub fn with_room(samples: usize) -> LatencyWindow {
        LatencyWindow {
            samples: VecDeque::with_capacity(samples),
            sum: 0,
        }
    }

    /// The mean (ms, rounded down); `None` when empty.
    pub fn mean(&self) -> Option<u32> {
        let len = self.samples.len() as u64;
        (len > 0).then(|| (self.sum / len) as u32)
    }

    /// The mean [`LatencyWindow::push`] would leave, without pushing.
    pub fn mean_after(&self, latency_ms: u32, horizon: DateTime<Utc>) -> u32 {
        let (mut sum, mut len) = (
            self.sum + u64::from(latency_ms),
            self.samples.len() as u64 + 1,
        );
        for &(_, old) in self.samples.iter().take_while(|&&(t, _)| t < horizon) {
            sum -= u64::from(old);
            len -= 1;
        }
        (sum / len) as u32
    }

    /// Adds a sample at `at` and drops those before `horizon` (the window's start).
    pub fn push(&mut self, at: DateTime<Utc>, latency_ms: u32, horizon: DateTime<Utc>) {
        self.samples.push_back((at, latency_ms));
        self.sum += u64::from(latency_ms);
        while let Some(&(t, old)) = self.samples.front()
            && t < horizon
        {
            self.samples.pop_front();
            self.sum -= u64::from(old);
        }
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
    fn a_latency_windows_mean_after_a_sample_is_the_mean_a_push_leaves() {
        let t = |s| DateTime::UNIX_EPOCH + chrono::TimeDelta::seconds(s);
        let mut window = LatencyWindow::with_room(4);
        assert_eq!(window.mean(), None);
        for (at, ms, horizon) in [(0, 10, -300), (60, 21, -240), (120, 40, 0), (400, 7, 100)] {
            let promised = window.mean_after(ms, t(horizon));
            window.push(t(at), ms, t(horizon));
            assert_eq!(window.mean(), Some(promised), "after {ms} ms at {at} s");
        }
        // The last push dropped the samples at 0 and 60 s: (40 + 7) / 2, rounded down.
        assert_eq!(window.mean(), Some(23));
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
