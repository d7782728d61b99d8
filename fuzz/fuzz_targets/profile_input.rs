//! Arbitrary bytes decoded into a `saveExpertProfile` input and validated: the decoder and
//! the checks are `braingain_service::fuzzing::profile_input`, shared with the property tests.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    braingain_service::fuzzing::profile_input(data);
});
