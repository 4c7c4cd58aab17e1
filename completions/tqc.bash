# bash completion for tqc. Commands, options and rule ids come from tqc itself
# (tqc help --commands, tqc CMD --help, tqc rules --ids), so they never drift.
_tqc()
{
    local cur prev cmd words
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$(tqc help --commands 2>/dev/null) --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case $cmd in
    rules|explain|help)
        words=$([ "$cmd" = help ] && tqc help --commands 2>/dev/null || tqc rules --ids 2>/dev/null)
        COMPREPLY=($(compgen -W "$words $(tqc "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*')" -- "$cur"))
        return ;;
    esac
    case $prev in
    --disable) COMPREPLY=($(compgen -W "$(tqc rules --ids 2>/dev/null)" -- "$cur")); return ;;
    -f|--format) COMPREPLY=($(compgen -W "text jsonl sarif github junit checkstyle rdjsonl diff wdiff" -- "$cur")); return ;;
    --fail-on|--min-severity) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
    -l|--lang) COMPREPLY=($(compgen -W "auto en en-US en-GB pt pt-BR pt-PT es fr de it" -- "$cur")); return ;;
    --input) COMPREPLY=($(compgen -W "auto text html xliff tmx jsonl" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(tqc "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _tqc tqc
