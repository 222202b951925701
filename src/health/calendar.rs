//! Monitors' deadlines, filed by the second: a quiet fleet's hundreds of thousands of
//! deadlines cost a push onto a short list each, not a walk down a heap too large for the
//! cache (ARCHITECTURE "Idle is idle").

use chrono::{DateTime, Utc};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

/// Deadlines (instant, slot), taken in time order as time passes. The seconds not yet
/// reached are plain lists; only the seconds already reached are ordered, in a heap that
/// holds at most a second's worth.
#[derive(Debug, Default)]
pub struct Calendar {
    /// By whole second (Unix time, floored): seconds from `opened` on.
    later: BTreeMap<i64, Vec<(DateTime<Utc>, usize)>>,
    /// Deadlines in seconds before `opened`, earliest first.
    soon: BinaryHeap<Reverse<(DateTime<Utc>, usize)>>,
    /// The first second not yet reached by [`Calendar::take_due`].
    opened: i64,
}

impl Calendar {
    pub fn push(&mut self, at: DateTime<Utc>, slot: usize) {
        let second = at.timestamp();
        if second < self.opened {
            self.soon.push(Reverse((at, slot)));
        } else {
            self.later.entry(second).or_default().push((at, slot));
        }
    }

    /// Moves every deadline at or before `now` into `due`, in no particular order.
    pub fn take_due(&mut self, now: DateTime<Utc>, due: &mut Vec<(DateTime<Utc>, usize)>) {
        let current = now.timestamp();
        while let Some(entry) = self.later.first_entry()
            && *entry.key() <= current
        {
            let (second, deadlines) = entry.remove_entry();
            if second < current {
                // The whole second has passed.
                due.extend(deadlines);
            } else {
                self.soon.extend(deadlines.into_iter().map(Reverse));
            }
        }
        self.opened = self.opened.max(current + 1);
        while let Some(&Reverse(deadline)) = self.soon.peek()
            && deadline.0 <= now
        {
            self.soon.pop();
            due.push(deadline);
        }
    }

    /// No deadline comes before this; it may come early (the start of a second whose
    /// deadlines are later in it). After [`Calendar::take_due`] at `now`, it is after `now`.
    pub fn next(&self) -> Option<DateTime<Utc>> {
        let soon = self.soon.peek().map(|&Reverse((at, _))| at);
        let later = self
            .later
            .first_key_value()
            .and_then(|(&second, _)| DateTime::from_timestamp(second, 0));
        soon.into_iter().chain(later).min()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeDelta;
    use proptest::prelude::*;

    fn at(ms: i64) -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + TimeDelta::milliseconds(ms)
    }

    proptest! {
        /// Pushes and takes interleaved at random give what one ordered heap gives.
        #[test]
        fn takes_what_a_heap_of_every_deadline_takes(
            steps in prop::collection::vec((0i64..20_000, 0usize..50, any::<bool>()), 1..400)
        ) {
            let mut calendar = Calendar::default();
            let mut heap: BinaryHeap<Reverse<(DateTime<Utc>, usize)>> = BinaryHeap::new();
            let mut now = 0;
            for (offset, slot, take) in steps {
                if take {
                    now += offset / 10;
                    let mut got = Vec::new();
                    calendar.take_due(at(now), &mut got);
                    let mut want = Vec::new();
                    while let Some(&Reverse(d)) = heap.peek() && d.0 <= at(now) {
                        heap.pop();
                        want.push(d);
                    }
                    got.sort_unstable();
                    prop_assert_eq!(got, want);
                    prop_assert!(calendar.next().is_none_or(|next| next > at(now)));
                } else {
                    // Deadlines a little in the past, too: a late result's.
                    let deadline = at(now - 500 + offset);
                    calendar.push(deadline, slot);
                    heap.push(Reverse((deadline, slot)));
                }
                let first = heap.peek().map(|&Reverse((t, _))| t);
                prop_assert_eq!(calendar.next().is_some(), first.is_some());
                prop_assert!(
                    first.is_none_or(|first| calendar.next().is_some_and(|next| next <= first)),
                    "never later than the first deadline"
                );
            }
        }
    }
}
