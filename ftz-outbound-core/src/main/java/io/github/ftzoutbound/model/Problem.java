package io.github.ftzoutbound.model;

/** One thing wrong with a request, named by its JSON path ({@code $.processor.ciio}, {@code $.dataItems[2].id}). */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
