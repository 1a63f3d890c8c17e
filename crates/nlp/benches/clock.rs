//! The thread CPU clock the benchmarks time with, so that other jobs on a
//! shared machine do not count against the code measured.

use std::time::Duration;
#[cfg(not(target_os = "linux"))]
use std::time::Instant;

/// The calling thread's CPU time (Linux `CLOCK_THREAD_CPUTIME_ID`); wall
/// time elsewhere.
#[derive(Clone, Copy)]
pub struct CpuClock(pub Duration);

impl CpuClock {
    #[cfg(target_os = "linux")]
    pub fn now() -> CpuClock {
        #[repr(C)]
        struct Timespec {
            sec: i64,
            nsec: i64,
        }
        extern "C" {
            fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
        }
        const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
        let mut t = Timespec { sec: 0, nsec: 0 };
        // SAFETY: clock_gettime writes one timespec into the pointed-to value,
        // whose layout matches the C struct on 64-bit Linux.
        let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
        assert_eq!(rc, 0, "clock_gettime failed");
        CpuClock(Duration::new(t.sec as u64, t.nsec as u32))
    }

    #[cfg(not(target_os = "linux"))]
    pub fn now() -> CpuClock {
        use std::sync::OnceLock;
        static START: OnceLock<Instant> = OnceLock::new();
        CpuClock(START.get_or_init(Instant::now).elapsed())
    }

    pub fn elapsed(self) -> Duration {
        CpuClock::now().0 - self.0
    }
}
