//! Arbitrary bytes read as a JSON expert list, as `braingain import experts` reads a file:
//! the checks are `braingain_service::fuzzing::import_json`, shared with the property tests.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    braingain_service::fuzzing::import_json(data);
});
