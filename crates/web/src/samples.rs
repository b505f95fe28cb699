//! The built-in samples: the five real disclosures, served beside the page and fetched only
//! when asked for (they are not part of the wasm).

use wasm_bindgen::JsCast;

pub struct Sample {
    pub file: &'static str,
    pub label: &'static str,
}

pub const SAMPLES: [Sample; 5] = [
    Sample {
        file: "000_bd1dedfc2d1eeeba.txt",
        label: "河北 · 邢台市医疗保障局 2024",
    },
    Sample {
        file: "001_66be0d06ac0cd84c.txt",
        label: "河南 · 济源示范区医疗保障局 2023",
    },
    Sample {
        file: "002_ccde78b5c97680c0.txt",
        label: "河北 · 青龙县医疗保障局（两个单位）2025",
    },
    Sample {
        file: "003_854e53764213b856.txt",
        label: "河北 · 巨鹿县医疗保障局 2026",
    },
    Sample {
        file: "004_ae63254e50cfffaf.txt",
        label: "河南 · 温县医疗保障局 2024",
    },
];

/// Fetches a sample from the page's own origin.
pub async fn fetch(file: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&format!("samples/{file}")))
            .await
            .map_err(|_| {
                "示例只能在网页版中载入（离线单文件版请直接粘贴或打开文件）".to_string()
            })?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| "unexpected response".to_string())?;
    if !resp.ok() {
        return Err(format!("示例载入失败（HTTP {}）", resp.status()));
    }
    let text =
        wasm_bindgen_futures::JsFuture::from(resp.text().map_err(|_| "unreadable".to_string())?)
            .await
            .map_err(|_| "unreadable".to_string())?;
    text.as_string().ok_or_else(|| "unreadable".to_string())
}
