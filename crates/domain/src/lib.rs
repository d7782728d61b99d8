#![doc = include_str!("../README.md")]

pub mod account;
pub mod clock;
pub mod email;
pub mod error;
pub mod ids;
pub mod password;

pub use account::{AccountStatus, DisplayName, Role};
pub use clock::{Clock, ManualClock, SystemClock};
pub use email::Email;
pub use error::ValidationError;
pub use ids::AccountId;
pub use password::Password;
