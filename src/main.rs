fn main() {
    dispatches_app::start();
}
