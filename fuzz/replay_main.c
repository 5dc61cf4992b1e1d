/*
 * fuzz/replay_main.c — runs a fuzz harness over files without libFuzzer, so
 * `make test` replays every committed corpus (and any crash reproducer)
 * under the ordinary and the ASan/UBSan builds.
 *
 *     replay_<name> FILE|DIR...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_MAX_BYTES (1u << 20)

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    size_t n;

    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    buf = malloc(REPLAY_MAX_BYTES);
    if (!buf) {
        fclose(f);
        return 1;
    }
    n = fread(buf, 1, REPLAY_MAX_BYTES, f);
    fclose(f);
    /* an exact-size copy, so reads past the input are caught by ASan */
    uint8_t *exact = malloc(n ? n : 1);
    memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 0;
}

int main(int argc, char **argv)
{
    int inputs = 0, failed = 0;

    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: no such input %s\n", argv[i]);
            failed++;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *e;
            while (d && (e = readdir(d))) {
                char path[4096];
                if (e->d_name[0] == '.') continue;
                snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
                failed += replay_file(path);
                inputs++;
            }
            if (d) closedir(d);
        } else {
            failed += replay_file(argv[i]);
            inputs++;
        }
    }
    printf("replayed %d inputs\n%d passed, %d failed\n", inputs, inputs - failed, failed);
    return failed ? 1 : 0;
}
