//! The sample plans a founder can open (an MVP-stage start-up and the same company at the
//! Scaling stage) and the large generated plans benchmarks and stress tests use.

pub mod generate;
mod mvp;
pub mod scaling;

pub use mvp::*;
