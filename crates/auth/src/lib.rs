#![doc = include_str!("../README.md")]

pub mod jwt;
pub mod passwords;
pub mod tokens;

pub use jwt::{AccessClaims, JwtKeys, TokenError};
pub use passwords::{PasswordHashError, PasswordHasher};
pub use tokens::{OpaqueToken, TokenDigest};
