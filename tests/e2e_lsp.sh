#!/bin/sh
# tqc lsp with a real client: Neovim (0.7+, its built-in LSP client) run headless with a
# minimal config opens an article, receives the diagnostics, applies a fix from a code
# action, sees the diagnostics follow the edit, turns a rule off through
# workspace/didChangeConfiguration, suppresses a finding with its action, and adds a
# word to the word list .tqc.ini names. Skipped with a note without Neovim; the protocol
# checks of tests/lsp_protocol.py run without it.
set -u
TQC=${TQC:-./tqc}
case $TQC in /*) ;; *) TQC=$(pwd)/$TQC ;; esac
. "$(dirname "$0")/e2e_lib.sh"

# The protocol itself, without an editor (tests/lsp_protocol.py).
python3 "$(dirname "$0")/lsp_protocol.py" "$TQC" >"$tmp/proto" 2>&1
proto=$(cat "$tmp/proto")
check "lsp: shutdown and exit give status 0" "$(grep -qx 'rc 0' "$tmp/proto"; echo $?)" "$proto"
check "lsp: positions count UTF-16 units after an emoji" "$(grep -qx 'range 12 19' "$tmp/proto"; echo $?)" "$proto"
check "lsp: the preferred code action is the fix" "$(grep -qx 'fix the' "$tmp/proto"; echo $?)" "$proto"
check "lsp: malformed JSON gets a parse error" "$(grep -qx 'malformed -32700' "$tmp/proto"; echo $?)" "$proto"

if [ -n "${E2E_NO_EDITORS:-}" ] || ! command -v nvim >/dev/null 2>&1; then
    echo "# SKIP e2e_lsp with Neovim: no nvim, or E2E_NO_EDITORS set; the editor tests did not run"
    [ "$fail" -eq 0 ]
    exit
fi

mkdir -p "$tmp/project"
printf 'lang = en\nwords = words.txt\n' >"$tmp/project/.tqc.ini"
printf '# the newsroom word list\n' >"$tmp/project/words.txt"
printf 'Kim said the the talks ended on Monday .\nThe Zorblax delegation arrived in Lisbon.\nThe Quendrith delegation left on Tuesday.\n' \
    >"$tmp/project/article.txt"
cat >"$tmp/test.lua" <<'EOF'
local tqc, dir, out = os.getenv('TQC'), os.getenv('WORK'), os.getenv('OUT')
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish()
  local f = io.open(out, 'w'); f:write(table.concat(lines, '\n') .. '\n'); f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. dir .. '/article.txt')
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = 'tqc', cmd = { tqc, 'lsp' }, root_dir = dir })
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)
  local function diag(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return d end end
  end
  local function codes()
    local c = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(c, d.code) end
    table.sort(c); return table.concat(c, ',')
  end
  local function actions(d)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = {} } }
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
    local all = {}
    for _, r in pairs(res) do for _, a in ipairs(r.result or {}) do table.insert(all, a) end end
    return all
  end
  vim.wait(20000, function() return diag('repeated-word') ~= nil end, 50)
  say('open ' .. codes())
  -- A fix from a code action; the diagnostics follow the edit (didChange, debounced).
  local fix
  for _, a in ipairs(actions(diag('repeated-word'))) do if a.isPreferred then fix = a end end
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  say('line1 ' .. vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1])
  vim.wait(10000, function() return diag('repeated-word') == nil end, 50)
  say('after-fix ' .. codes())
  -- workspace/didChangeConfiguration turns a rule off.
  client.notify('workspace/didChangeConfiguration', { settings = { tqc = { disable = { 'spacing' } } } })
  vim.wait(10000, function() return diag('spacing') == nil end, 50)
  say('configured ' .. codes())
  -- Suppress the finding on line 3 with its action.
  local q
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.lnum == 2 then q = d end end
  for _, a in ipairs(actions(q)) do if a.title:match('suppress') then vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16') end end
  say('line3 ' .. vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1])
  vim.wait(10000, function() return #vim.diagnostic.get(buf) == 1 end, 50)
  say('suppressed ' .. codes())
  -- Add the word on line 2 to the project's word list.
  local z
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.lnum == 1 then z = d end end
  for _, a in ipairs(actions(z)) do
    if a.command and a.command.command == 'tqc.addWord' then
      client.request_sync('workspace/executeCommand', { command = a.command.command, arguments = a.command.arguments }, 10000, buf)
    end
  end
  vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  say('added ' .. codes())
end)
if not ok then say('error ' .. tostring(err)) end
finish()
EOF
TQC=$TQC WORK=$tmp/project OUT=$tmp/out timeout 120 nvim --headless --clean -u NONE -i NONE \
    -c "luafile $tmp/test.lua" >"$tmp/nvim.log" 2>&1
rc=$?
out=$(cat "$tmp/out" 2>/dev/null)
check "Neovim runs the client" "$([ "$rc" = 0 ] && ! grep -q '^error' "$tmp/out"; echo $?)" "exit $rc: $out $(tail -5 "$tmp/nvim.log")"
check "diagnostics on open" "$(grep -q '^open repeated-word,spacing,spelling,spelling$' "$tmp/out"; echo $?)" "$out"
check "a code action applies the fix" "$(grep -q '^line1 Kim said the talks ended on Monday .$' "$tmp/out"; echo $?)" "$out"
check "diagnostics follow a change" "$(grep -q '^after-fix spacing,spelling,spelling$' "$tmp/out"; echo $?)" "$out"
check "didChangeConfiguration disables a rule" "$(grep -q '^configured spelling,spelling$' "$tmp/out"; echo $?)" "$out"
check "suppress-here writes the directive" "$(grep -q '^line3 <!-- tqc-disable-next-line spelling -->$' "$tmp/out"; echo $?)" "$out"
check "the suppressed finding goes" "$(grep -q '^suppressed spelling$' "$tmp/out"; echo $?)" "$out"
check "add-to-word-list clears the finding" "$(grep -q '^added $' "$tmp/out"; echo $?)" "$out"
check "the word is in the file .tqc.ini names" "$(grep -qx 'Zorblax' "$tmp/project/words.txt"; echo $?)" "$(cat "$tmp/project/words.txt")"
[ "$fail" -eq 0 ]
