//! A step task that panics ends its step, not the console: each poll of a step's future is
//! caught, and the panic hook (`terminal::enter`) leaves the screen alone while one is
//! polled, so the console keeps its terminal and the pane is never stuck on "running".

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

thread_local! {
    /// True while this thread polls a contained future.
    static POLLING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the panic now unwinding comes from a contained future (it will be caught).
pub fn panicking_inside() -> bool {
    POLLING.with(Cell::get)
}

/// A step's work, as the runtime spawns it.
pub type StepTask = Pin<Box<dyn Future<Output = ()> + Send>>;

/// `task`, with a panic in any poll turned into `Err(message)`.
pub fn contain(task: StepTask) -> Contained {
    Contained { task }
}

pub struct Contained {
    task: StepTask,
}

impl Future for Contained {
    type Output = Result<(), String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = self.task.as_mut();
        let was = POLLING.with(|p| p.replace(true));
        let polled = catch_unwind(AssertUnwindSafe(|| future.poll(cx)));
        POLLING.with(|p| p.set(was));
        match polled {
            Ok(Poll::Ready(())) => Poll::Ready(Ok(())),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(message(payload.as_ref()))),
        }
    }
}

/// What `panic!` said, when it said it as text.
fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_in_a_poll_is_its_message() {
        let quiet = contain(Box::pin(async {}));
        assert_eq!(quiet.await, Ok(()));
        let loud = contain(Box::pin(async {
            tokio::task::yield_now().await;
            panic!("the runner lost its pipe");
        }));
        assert_eq!(loud.await, Err("the runner lost its pipe".to_owned()));
        assert!(!panicking_inside(), "the flag is reset after the poll");
    }
}
