//! Record entries the drill, replay and from-record tests write, in one place.

use healthdeck::incident::Entry;

/// A monitor's alert value changed, as the console records it.
pub fn change(server: &str, monitor: &str, from: &str, to: &str) -> Entry {
    Entry::Transition {
        server: server.into(),
        monitor: monitor.into(),
        from: from.into(),
        to: to.into(),
        source: None,
    }
}
