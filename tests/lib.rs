//! Black-box API tests live in `api/`; this library is empty.
