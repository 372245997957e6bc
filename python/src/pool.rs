//! A thread pool that survives `fork`: a child process (notebooks, multiprocessing) inherits the
//! pool's bookkeeping but none of its threads, so the pool is rebuilt whenever the process id
//! or the wanted size changes.

use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

struct Owned {
    pid: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

static POOL: Mutex<Option<Owned>> = Mutex::new(None);

/// The number of threads: the argument, else `WORKSLOP_NUM_THREADS`, else one per core.
pub fn wanted_threads(threads: Option<usize>) -> Result<usize, String> {
    if let Some(n) = threads {
        return if n == 0 {
            Err("threads must be at least 1".into())
        } else {
            Ok(n)
        };
    }
    match std::env::var("WORKSLOP_NUM_THREADS") {
        Ok(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "WORKSLOP_NUM_THREADS must be a whole number >= 1, not `{v}`"
            )),
        },
        Err(_) => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

pub fn pool(threads: usize) -> Result<Arc<ThreadPool>, String> {
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    if let Some(owned) = slot.as_ref()
        && owned.pid == pid
        && owned.threads == threads
    {
        return Ok(owned.pool.clone());
    }
    if let Some(stale) = slot.take()
        && stale.pid != pid
    {
        // Its threads do not exist in this process: never run its shutdown.
        std::mem::forget(stale);
    }
    let pool = Arc::new(
        ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("workslop-{i}"))
            .build()
            .map_err(|e| format!("cannot start {threads} threads: {e}"))?,
    );
    *slot = Some(Owned {
        pid,
        threads,
        pool: pool.clone(),
    });
    Ok(pool)
}
